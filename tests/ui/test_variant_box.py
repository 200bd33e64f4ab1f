"""The variants' box alone: what it saves, and that it tells the dashboard once per change."""

from prospectif.ui.notices import Notices
from prospectif.ui.state import ViewState
from prospectif.ui.variant_box import VariantBox
from prospectif.ui.variants import MAX_COMPARED

TFR = "demography.fertility.tfr_target"


def _box(changes=((TFR, 2.0),)):
    calls: list[tuple[str, ...]] = []
    setting = ViewState("DEP-71", "tendanciel", 2070, changes)
    messages = Notices("fr")
    box = VariantBox("fr", messages, lambda: setting, lambda: calls.append(box.compared))
    return box, messages, calls


def test_a_saved_variant_is_listed_written_and_told_once(presets):
    box, messages, calls = _box()
    box.name.value = "  Fécondité   2,0 "
    box.save()
    assert box.compare.options == ("Fécondité 2,0",) and calls == [()]
    variant = box.scenarios()["Fécondité 2,0"]
    assert variant.assumptions()[TFR] == 2.0
    assert box.store.files["Fécondité 2,0"].is_file()
    assert messages.kinds() == {"variant": "success"}
    assert "Fécondité 2,0" in box.download.value


def test_a_taken_name_needs_a_second_click_and_an_empty_one_is_refused(presets):
    box, messages, calls = _box()
    box.name.value = "A"
    box.save()
    box.save()
    assert messages.kinds() == {"variant": "warning"} and len(calls) == 1
    box.save()
    assert messages.kinds() == {"variant": "success"} and len(calls) == 2
    box.name.value = "   "
    box.save()
    assert messages.kinds() == {"variant": "warning"} and len(calls) == 2


def test_choosing_too_many_keeps_the_first_and_tells_once_per_choice(presets):
    box, messages, calls = _box()
    names = [f"V{n}" for n in range(MAX_COMPARED + 1)]
    for name in names:
        box.name.value = name
        box.save()
    calls.clear()
    box.compare.value = tuple(names)
    assert box.compared == tuple(names[:MAX_COMPARED])
    assert calls == [tuple(names[:MAX_COMPARED])]
    assert messages.kinds()["compare"] == "warning"


def test_rename_keeps_the_choice_and_delete_forgets(presets):
    box, messages, calls = _box()
    for name in ("A", "B"):
        box.name.value = name
        box.save()
    box.compare.value = ("A", "B")
    box.name.value = "C"
    box.rename()
    assert box.compare.options == ("B", "C") and box.compared == ("B", "C")
    assert box.scenarios()["C"].assumptions()[TFR] == 2.0
    calls.clear()
    box.delete()
    assert box.compare.options == () and calls == [()]
    box.delete()
    assert messages.kinds() == {"variant": "warning"} and calls == [()]

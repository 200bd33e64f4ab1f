"""The room's variants on a live dashboard: a name box, « Enregistrer » (a second click confirms
replacing a name taken), rename, delete, the list of variants to compare and the download of the
last one saved.
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as w

from ..errors import ProspectifError
from ..messages import Message
from ..resources import read_only
from ..scenario import Scenario
from .exports import download_link, scenario_yaml
from .layout import bar
from .notices import Notices
from .state import ViewState, base_ids, base_scenario
from .texts import text
from .variants import MAX_COMPARED, VariantLink, VariantStore, save_variant


class VariantBox:
    """The variants of one session; ``widgets`` go in the side panel.

    ``setting()`` is the view on screen (what « Enregistrer » saves); ``on_change()`` is called
    once after each change of the variants or of those compared.
    """

    def __init__(
        self,
        lang: str,
        messages: Notices,
        setting: Callable[[], ViewState],
        on_change: Callable[[], None],
    ):
        self.lang = lang
        self.store = VariantStore()
        self._messages = messages
        self._setting = setting
        self._on_change = on_change
        self._quiet = False
        self._confirm = ""
        """A name already taken that the next click on « Enregistrer » replaces."""
        self.name = w.Text(placeholder=text("variant_name", lang))
        self.save_button = w.Button(
            description=text("save_variant", lang), layout={"width": "auto"}
        )
        self.save_button.on_click(lambda _: self.save())
        self.rename_button = w.Button(description=text("rename_variant", lang))
        self.rename_button.on_click(lambda _: self.rename())
        self.delete_button = w.Button(description=text("delete_variant", lang))
        self.delete_button.on_click(lambda _: self.delete())
        self.download = w.HTML()
        self.compare = w.SelectMultiple(
            description=text("compare", lang), rows=4, layout={"width": "460px"}
        )
        self.compare.add_class("prospectif-variants")
        self.compare.observe(lambda _: self._compare_changed(), names="value")
        self.widgets = [
            bar(self.name, self.save_button),
            self.compare,
            bar(self.rename_button, self.delete_button),
            self.download,
        ]

    @property
    def compared(self) -> tuple[str, ...]:
        """Names of the variants chosen for comparison."""
        return tuple(self.compare.value)

    def scenarios(self) -> dict[str, Scenario]:
        """Every variant of the session by name."""
        return self.store.variants

    def links(self) -> tuple[VariantLink, ...]:
        """The variants as an address carries them (those compared marked)."""
        return self.store.links(self.compared)

    def save(self) -> None:
        """Save the setting on screen under the name typed (a name taken needs a 2nd click)."""
        name = " ".join(self.name.value.split())
        if not name:
            self._messages.show("variant", "warning", Message("ui.name_needed"))
            return
        if self.store.taken(name) and self._confirm != name:
            self._confirm = name
            self._messages.show("variant", "warning", Message("ui.name_taken", {"name": name}))
            return
        self._confirm = ""
        setting = self._setting()
        try:
            base = base_scenario(setting.scenario, setting.horizon)
            variant = self.store.add(
                name,
                setting.scenario,
                base,
                dict(setting.changes),
                base_ids(setting.scenario),
            )
            self._write(variant.name)
        except ProspectifError as exc:
            self._messages.show("variant", "error", exc.message)
            return
        self._list(self.compared)

    def rename(self) -> None:
        """Give the first variant chosen the name typed."""
        chosen, name = self._chosen(), " ".join(self.name.value.split())
        if not chosen:
            return
        if not name:
            self._messages.show("variant", "warning", Message("ui.name_needed"))
            return
        old = chosen[0]
        try:
            kept = self.store.saved[old]
            base = base_scenario(kept.base, self._setting().horizon)
            self.store.delete(old)
            renamed = self.store.add(name, kept.base, base, dict(kept.changes), kept.extends)
            self._write(renamed.name)
        except ProspectifError as exc:
            self._messages.show("variant", "error", exc.message)
            return
        self._messages.show(
            "variant", "success", Message("ui.renamed", {"old": old, "name": renamed.name})
        )
        self._list((*chosen[1:], renamed.name))

    def delete(self) -> None:
        """Forget the variants chosen (their saved files stay)."""
        chosen = self._chosen()
        if not chosen:
            return
        for name in chosen:
            self.store.delete(name)
        deleted = Message("ui.deleted", {"name": ", ".join(chosen)})
        self._messages.show("variant", "success", deleted)
        self._list(())

    def restore(self, links: tuple[VariantLink, ...]) -> None:
        """Rebuild the variants an address carries (a link, a change of language)."""
        horizon = self._setting().horizon
        for number, link in enumerate(links):
            try:
                base = base_scenario(link.base, horizon)
                self.store.add(link.name, link.base, base, dict(link.changes), base_ids(link.base))
            except ProspectifError as exc:
                self._messages.show(
                    f"address.variant.{number}",
                    "warning",
                    Message("ui.variants_lost", {"problem": exc.message}),
                )
        self._list(tuple(link.name for link in links if link.compared)[:MAX_COMPARED])

    def _write(self, name: str) -> None:
        """Save the variant ``name`` on the server (or, read-only, offer it for download) and
        say so.
        """
        scenario = self.store.variants[name]
        link = text("download_variant", self.lang, name=name)
        self.download.value = download_link(scenario_yaml(scenario), f"{scenario.id}.yaml", link)
        if read_only():
            said = Message("ui.saved_read_only", {"name": name, "link": link})
        else:
            self.store.files[name] = save_variant(scenario)
            said = Message("ui.saved", {"name": name, "path": self.store.files[name]})
        self._messages.show("variant", "success", said)

    def _chosen(self) -> tuple[str, ...]:
        if not self.compared:
            self._messages.show("variant", "warning", Message("ui.choose_variant"))
        return self.compared

    def _list(self, compared: tuple[str, ...]) -> None:
        """Offer the variants of the store, ``compared`` chosen, then tell the dashboard."""
        self._quiet = True
        try:
            self.compare.options = tuple(self.store.names())
            self.compare.value = tuple(n for n in compared if n in self.store.variants)
        finally:
            self._quiet = False
        self._on_change()

    def _compare_changed(self) -> None:
        if self._quiet:
            return
        chosen = self.compared
        if len(chosen) > MAX_COMPARED:  # the first ones kept, and the room told why
            self._quiet = True
            try:
                self.compare.value = chosen[:MAX_COMPARED]
            finally:
                self._quiet = False
            self._messages.show("compare", "warning", Message("ui.too_many"))
        else:
            self._messages.clear("compare")
        self._on_change()

"""Live figures: a plotly ``FigureWidget`` updated in place from a freshly built figure."""

from __future__ import annotations

import plotly.graph_objects as go

IMAGE_FORMATS = ("png", "svg")


def figure_widget(figure: go.Figure, filename: str, image_format: str = "png") -> go.FigureWidget:
    """A live widget showing ``figure``, whose camera button saves ``filename`` as an image."""
    widget = go.FigureWidget(figure)
    set_image_format(widget, filename, image_format)
    return widget


def set_image_format(widget: go.FigureWidget, filename: str, image_format: str) -> None:
    """Make the widget's camera button download a PNG (scale 2) or an SVG named ``filename``."""
    widget._config = {
        "displaylogo": False,
        "toImageButtonOptions": {"format": image_format, "filename": filename, "scale": 2},
    }


def update_in_place(widget: go.FigureWidget, figure: go.Figure) -> None:
    """Copy ``figure`` into ``widget`` in one message: traces updated, added or removed."""
    new = figure.data
    with widget.batch_update():
        if len(widget.data) != len(new) or any(
            old.type != fresh.type for old, fresh in zip(widget.data, new, strict=True)
        ):
            widget.data = ()
            widget.add_traces(new)
        else:
            for old, fresh in zip(widget.data, new, strict=True):
                props = fresh.to_plotly_json()
                props.pop("type")
                if "geojson" in props and list(old.locations) == list(fresh.locations):
                    props.pop("geojson")  # same outlines: send only the values
                old.update(props, overwrite=True)
        widget.layout.update(figure.layout.to_plotly_json(), overwrite=True)

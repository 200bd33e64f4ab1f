"""The kernel channels of a dashboard page, guarded against what a viewer's browser may send.

The page talks to its kernel over one websocket (``/api/kernels/<id>/channels``). Jupyter
Server accepts there the legacy JSON protocol, in which the server itself decodes and re-encodes
every message: one ``request_states`` of the widget-control comm then made the *server* grow by
gigabytes and stop answering every viewer. :class:`GuardedChannelsHandler`:

- refuses (HTTP 400) a websocket that does not offer the binary ``v1`` protocol (the one every
  dashboard page uses), so the server only forwards frames;
- bounds each incoming message (:data:`MAX_MESSAGE_BYTES`, the ``websocket_max_message_size``
  setting) and the rate of incoming messages (:data:`RATE_WINDOW`, :data:`RATE_MESSAGES`):
  beyond, the websocket is closed;
- answers the widget-control ``request_states`` at most :data:`STATE_REQUESTS` times per
  websocket (a page asks once when it loads).

:class:`GuardedChannelsConnection` keeps every traceback from the viewer: error messages and
error replies lose their traceback (Jupyter Server's ``allow_tracebacks`` only covers errors on
iopub) and text written to stderr (where the kernel logs, for instance, a comm it could not
open, with file paths) is blanked; the server log keeps the details.
"""

from __future__ import annotations

import json
from collections import deque

from jupyter_server.services.kernels.connection.base import deserialize_msg_from_ws_v1
from jupyter_server.services.kernels.connection.channels import ZMQChannelsWebsocketConnection
from tornado.ioloop import IOLoop
from voila.tornado.kernel_websocket_handler import VoilaKernelWebsocketHandler

PROTOCOL = "v1.kernel.websocket.jupyter.org"
"""The only kernel websocket protocol accepted: binary frames forwarded without decoding."""

MAX_MESSAGE_BYTES = 1 << 20
"""Largest message a page may send to its kernel (1 MiB; widget updates are a few kB)."""

RATE_WINDOW = 5.0
"""Seconds over which incoming messages are counted."""

RATE_MESSAGES = 1000
"""Most messages a page may send in :data:`RATE_WINDOW` (a dragged slider sends about 30 a
second); beyond, its websocket is closed."""

STATE_REQUESTS = 3
"""Most widget-control ``request_states`` answered per websocket (a page sends one)."""

CONTROL_TARGET = "jupyter.widget.control"

ERROR_TEXT = "Une erreur est survenue ; rechargez la page."
"""What a viewer sees instead of a traceback."""

POLICY_VIOLATION = 1008
"""Websocket close code: the page broke the channel's limits."""


class GuardedChannelsConnection(ZMQChannelsWebsocketConnection):
    """Kernel messages to the page, with every traceback and stderr text removed."""

    def _on_error(self, channel, msg, msg_list):
        """Jupyter Server's iopub error scrubbing, then stderr text and error replies."""
        super()._on_error(channel, msg, msg_list)
        header = self.get_part("header", msg["header"], msg_list)
        kind = header["msg_type"]
        if not (kind == "stream" or kind.endswith("_reply")):
            return
        content = self.get_part("content", msg["content"], msg_list)
        if kind == "stream" and content.get("name") == "stderr":
            self.log.info("stderr of kernel %s: %s", self.kernel_id, content.get("text", "")[:2000])
            content = {**content, "text": ""}
        elif content.get("status") == "error":
            self.log.info("error reply of kernel %s: %s", self.kernel_id, content.get("evalue"))
            content = {**content, "ename": "Erreur", "evalue": ERROR_TEXT, "traceback": []}
        else:
            return
        msg["content"] = content
        if msg_list:
            msg_list[3] = self.session.pack(content)


class GuardedChannelsHandler(VoilaKernelWebsocketHandler):
    """Voilà's kernel websocket, binary protocol only, bounded (see the module docstring)."""

    async def get(self, kernel_id):
        """Refuse a websocket that does not offer the binary protocol."""
        offered = self.request.headers.get("Sec-WebSocket-Protocol", "")
        if PROTOCOL not in {part.strip() for part in offered.split(",")}:
            self.set_status(400)  # plain answer: Jupyter's error pages are not in the template
            self.finish("Protocole de websocket non pris en charge.")
            return
        self._arrivals: deque[float] = deque()
        self._control_comms: set[str] = set()
        self._state_requests = 0
        self._refused = False
        await super().get(kernel_id)

    def on_message(self, ws_message):
        """Forward a message within the rate and widget-control bounds; else close."""
        if self._refused:
            return
        now = IOLoop.current().time()
        self._arrivals.append(now)
        while self._arrivals[0] < now - RATE_WINDOW:
            self._arrivals.popleft()
        if len(self._arrivals) > RATE_MESSAGES or not self._allowed(ws_message):
            self.log.warning("Kernel websocket %s closed: limits exceeded", self.kernel_id)
            self._refused = True
            self.close(POLICY_VIOLATION)
            return
        super().on_message(ws_message)

    def _allowed(self, ws_message) -> bool:
        """False for a message that is not binary v1 or asks the widget states too often."""
        if not isinstance(ws_message, bytes):
            return False
        try:
            _, parts = deserialize_msg_from_ws_v1(ws_message)
            kind = json.loads(parts[0])["msg_type"]
            if kind not in {"comm_open", "comm_msg"}:
                return True
            content = json.loads(parts[3])
        except (ValueError, IndexError, KeyError, TypeError):
            return False
        if kind == "comm_open":
            if content.get("target_name") == CONTROL_TARGET:
                self._control_comms.add(str(content.get("comm_id")))
            return True
        if content.get("comm_id") in self._control_comms:
            self._state_requests += 1
        return self._state_requests <= STATE_REQUESTS

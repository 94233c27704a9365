"""Headless Chromium driven over the DevTools protocol, to test pages as a person sees them.

A real browser (Debian's ``chromium``, installed by ``.ci/browser.sh``) opens
the page from a file; every request it makes is recorded (and anything but
local schemes is blocked), console errors, uncaught exceptions and JavaScript
dialogs are collected, and screenshots come back as PNG bytes. The protocol is
spoken over ``websocket-client`` on 127.0.0.1; nothing else is needed.
"""

from __future__ import annotations

import base64
import io
import itertools
import json
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

import websocket

LOCAL_SCHEMES = ("file:", "data:", "about:", "blob:")
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--disable-extensions", "--hide-scrollbars", "--mute-audio",
    "--force-device-scale-factor=1", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
)


def chromium_path() -> str | None:
    """The Chromium binary, if installed."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


class Chromium:
    """One headless browser process; use as a context manager, open pages with :meth:`page`."""

    def __init__(self, width: int = 1280, height: int = 800, timeout: float = 30.0) -> None:
        binary = chromium_path()
        if binary is None:
            raise RuntimeError("chromium is not installed (run .ci/browser.sh)")
        self.width, self.height, self.timeout = width, height, timeout
        self._profile = tempfile.mkdtemp(prefix="kg-chromium-")
        self._proc = subprocess.Popen(
            [binary, *FLAGS, f"--user-data-dir={self._profile}", f"--window-size={width},{height}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        port_file = Path(self._profile) / "DevToolsActivePort"
        deadline = time.monotonic() + timeout
        while not (port_file.exists() and len(port_file.read_text().splitlines()) >= 2):
            if self._proc.poll() is not None or time.monotonic() > deadline:
                self.close()
                raise RuntimeError("chromium did not open its DevTools port")
            time.sleep(0.05)
        port, path = port_file.read_text().splitlines()[:2]
        self._ws = websocket.create_connection(f"ws://127.0.0.1:{port}{path}", timeout=timeout,
                                               suppress_origin=True)
        self._ids = itertools.count(1)
        self._replies: dict[int, dict[str, Any]] = {}
        self._pages: dict[str, Page] = {}

    # -- protocol ---------------------------------------------------------------
    def call(self, method: str, params: dict | None = None, session: str | None = None,
             timeout: float | None = None) -> dict[str, Any]:
        """Send one command and wait for its answer, dispatching events meanwhile."""
        msg_id = next(self._ids)
        message: dict[str, Any] = {"id": msg_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self._ws.send(json.dumps(message))
        deadline = time.monotonic() + (timeout or self.timeout)
        while msg_id not in self._replies:  # event handlers may call too: answers are kept by id
            self._ws.settimeout(max(0.05, deadline - time.monotonic()))
            try:
                reply = json.loads(self._ws.recv())
            except websocket.WebSocketTimeoutException:
                raise TimeoutError(f"no answer to {method} in time") from None
            if "id" in reply:
                self._replies[reply["id"]] = reply
            elif "method" in reply:
                self._dispatch(reply)
        reply = self._replies.pop(msg_id)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        return reply.get("result", {})

    def _dispatch(self, event: dict[str, Any]) -> None:
        session = event.get("sessionId", "")
        page = self._pages.get(session)
        if page is not None:
            page._on_event(event["method"], event.get("params", {}), session)

    def page(self) -> Page:
        """A fresh tab with request recording, console capture and network blocking on."""
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        page = Page(self, target, session)
        self._pages[session] = page
        page._setup()
        return page

    def close(self) -> None:
        try:
            if getattr(self, "_ws", None):
                self._ws.close()
        finally:
            if self._proc.poll() is None:
                self._proc.terminate()
                try:
                    self._proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self._proc.kill()
                    self._proc.wait()
            shutil.rmtree(self._profile, ignore_errors=True)

    def __enter__(self) -> Chromium:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Page:
    """One tab. ``requests``, ``console_errors``, ``exceptions``, ``dialogs`` fill in as it runs."""

    def __init__(self, browser: Chromium, target: str, session: str) -> None:
        self.browser, self.target, self.session = browser, target, session
        self.requests: list[str] = []
        self.console_errors: list[str] = []
        self.exceptions: list[str] = []
        self.dialogs: list[str] = []
        self.frames: list[str] = []  # sessions of out-of-process child frames
        self.loaded = False
        self.allowed_origin: str | None = None  # a local server under test (see allow_only)

    def call(self, method: str, params: dict | None = None, timeout: float | None = None) -> dict[str, Any]:
        return self.browser.call(method, params, self.session, timeout)

    def _setup(self, session: str | None = None) -> None:
        """Enable recording in the tab's session, or in an out-of-process frame's session."""
        session = session or self.session
        for domain in ("Page", "Runtime", "Network", "Log"):
            self.browser.call(f"{domain}.enable", None, session)
        # Anything that would leave the machine is refused (and still recorded by requestWillBeSent).
        self.browser.call("Network.setBlockedURLs",
                          {"urls": ["http://*", "https://*", "ws://*", "wss://*", "ftp://*"]}, session)
        # Sandboxed iframes run in their own process: attach to them too, before they start.
        self.browser.call("Target.setAutoAttach",
                          {"autoAttach": True, "waitForDebuggerOnStart": True, "flatten": True}, session)
        if session == self.session:
            self.call("Emulation.setDeviceMetricsOverride", {
                "width": self.browser.width, "height": self.browser.height, "deviceScaleFactor": 1, "mobile": False})
        else:
            self.browser.call("Runtime.runIfWaitingForDebugger", None, session)

    def _on_event(self, method: str, params: dict[str, Any], session: str) -> None:
        if method == "Target.attachedToTarget":
            child = params["sessionId"]
            self.browser._pages[child] = self
            self.frames.append(child)
            self._setup(child)
        elif method == "Network.requestWillBeSent":
            self.requests.append(params["request"]["url"])
        elif method == "Network.webSocketCreated":
            self.requests.append(params["url"])
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            self.console_errors.append(" ".join(str(a.get("value", a.get("description", ""))) for a in params["args"]))
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            self.console_errors.append(params["entry"].get("text", ""))
        elif method == "Runtime.exceptionThrown":
            details = params["exceptionDetails"]
            self.exceptions.append(details.get("exception", {}).get("description") or details.get("text", ""))
        elif method == "Page.javascriptDialogOpening":
            self.dialogs.append(f"{params.get('type')}: {params.get('message')}")
            # Answer at once, or the page (and every later command) would block.
            self.browser._ws.send(json.dumps({"id": next(self.browser._ids), "sessionId": session,
                                              "method": "Page.handleJavaScriptDialog",
                                              "params": {"accept": True}}))
        elif method == "Fetch.requestPaused":
            url = params["request"]["url"]
            ok = url.startswith(LOCAL_SCHEMES) or (self.allowed_origin and url.startswith(self.allowed_origin + "/"))
            command = {"method": "Fetch.continueRequest", "params": {"requestId": params["requestId"]}} if ok else {
                "method": "Fetch.failRequest", "params": {"requestId": params["requestId"], "errorReason": "BlockedByClient"}}
            self.browser._ws.send(json.dumps({"id": next(self.browser._ids), "sessionId": session, **command}))
        elif method == "Page.loadEventFired" and session == self.session:
            self.loaded = True

    # -- use --------------------------------------------------------------------
    def allow_only(self, origin: str) -> None:
        """Let the tab reach ``origin`` (``http://127.0.0.1:PORT``, a server the test started) and
        refuse every other request that would leave the browser (each is still recorded)."""
        self.allowed_origin = origin.rstrip("/")
        self.call("Network.setBlockedURLs", {"urls": []})
        self.call("Fetch.enable", {"patterns": [{"urlPattern": "*"}]})

    def outside_requests(self) -> list[str]:
        """Requested URLs that are neither local schemes nor on the allowed origin."""
        origin = (self.allowed_origin or "") + "/"
        return [u for u in self.external_requests() if not (self.allowed_origin and u.startswith(origin))]

    def goto(self, url: str, timeout: float = 30.0) -> None:
        """Navigate and wait for the load event."""
        self.loaded = False
        self.call("Page.navigate", {"url": url})
        self.wait_for(lambda: self.loaded, timeout, what="load event")

    def evaluate(self, expression: str) -> Any:
        """Value of a JavaScript expression (JSON-able results only)."""
        params: dict[str, Any] = {"expression": expression, "returnByValue": True, "awaitPromise": True}
        result = self.call("Runtime.evaluate", params)
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"].get("text", "evaluation failed"))
        return result["result"].get("value")

    def wait_for(self, condition: Any, timeout: float = 30.0, what: str | None = None) -> Any:
        """Poll a JS expression (str) or a Python callable until truthy; returns its value."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.evaluate(condition) if isinstance(condition, str) else condition()
            if value:
                return value
            if time.monotonic() > deadline:
                raise TimeoutError(f"timed out waiting for {what or condition}")
            if not isinstance(condition, str):
                self.call("Runtime.evaluate", {"expression": "0"})  # pump events
            time.sleep(0.02)

    def evaluate_in_frame(self, expression: str, index: int = 0) -> Any:
        """Value of an expression in the ``index``-th out-of-process child frame (None if not there yet)."""
        if len(self.frames) <= index:
            self.call("Runtime.evaluate", {"expression": "0"})  # pump events
            return None
        result = self.browser.call("Runtime.evaluate", {"expression": expression, "returnByValue": True},
                                   self.frames[index])
        return result.get("result", {}).get("value")

    def screenshot(self) -> bytes:
        """A PNG of the viewport."""
        return base64.b64decode(self.call("Page.captureScreenshot", {"format": "png"})["data"])

    def external_requests(self) -> list[str]:
        """Requested URLs that are not file:, data:, about: or blob:."""
        return [u for u in self.requests if not u.startswith(LOCAL_SCHEMES)]

    def close(self) -> None:
        self.browser._pages.pop(self.session, None)
        self.browser.call("Target.closeTarget", {"targetId": self.target})


def pixel_stats(png: bytes) -> dict[str, float]:
    """How much a screenshot shows: grey-level spread, share of non-white pixels, distinct colours."""
    import numpy as np
    from PIL import Image

    image = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=np.int32)
    grey = image.mean(axis=2)
    packed = (image[..., 0] << 16) | (image[..., 1] << 8) | image[..., 2]
    return {
        "std": float(grey.std()),
        "nonwhite": float((grey < 245).mean()),
        "colours": float(len(np.unique(packed))),
    }

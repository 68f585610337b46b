"""Headless Chromium driven over the Chrome DevTools Protocol (CDP), for the course's browser tests.

    with Chromium(allow_localhost=False) as browser:
        page = browser.new_page(width=1280, height=900)
        page.navigate("file:///.../lesson.html")
        title = page.evaluate("document.title")
        page.screenshot(Path("shot.png"), clip={"x": 0, "y": 0, "width": 300, "height": 200})

Each Chromium gets a fresh --user-data-dir (deleted afterwards) and no network: every host
name resolves to nothing (--host-resolver-rules), except 127.0.0.1 when allow_localhost is set
(the live Jupyter server). Chromium is started in its own process group and that group is
killed when the `with` block ends, whatever happened inside it. Every wait has a timeout and
raises CdpError with what was being waited for.

Needs Debian's python3-websocket (websocket-client) and chromium; ./course setup installs both.
"""
import base64
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

try:
    import websocket  # Debian: python3-websocket
except ImportError as e:  # pragma: no cover - a setup problem, reported by the callers
    raise SystemExit(f"python3-websocket is not installed ({e}); run ./course setup")

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
START_TIMEOUT = 60  # seconds for Chromium to open its DevTools port on a loaded machine


class CdpError(RuntimeError):
    """A DevTools command failed, a wait timed out, or Chromium went away."""


def find_chromium():
    for c in CHROMIUM_CANDIDATES:
        if os.access(c, os.X_OK):
            return c
    raise CdpError("Chromium is not installed (Debian package 'chromium'); run ./course setup")


def kill_group(proc, grace=5.0):
    """Stops a process started with start_new_session=True and everything in its process group."""
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            pass
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # stragglers of the group (renderers, zygote)
    except ProcessLookupError:
        pass
    try:
        proc.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        pass


class Chromium:
    """One headless Chromium process and the DevTools websocket of its browser target."""

    def __init__(self, allow_localhost=False, log_path=None):
        self.allow_localhost = allow_localhost
        self.log_path = Path(log_path) if log_path else None
        self.proc = None
        self.profile = None
        self.ws = None
        self._next_id = 0
        self._events = []  # (sessionId, method, params) received while waiting for replies

    # -- process -------------------------------------------------------------------------
    def __enter__(self):
        try:
            self._start()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def _start(self):
        binary = find_chromium()
        self.profile = Path(tempfile.mkdtemp(prefix="chromium-profile-"))
        rules = "MAP * ~NOTFOUND" + (", EXCLUDE 127.0.0.1" if self.allow_localhost else "")
        cmd = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--disable-extensions", "--disable-default-apps", "--mute-audio",
               "--hide-scrollbars", "--force-device-scale-factor=1",
               f"--host-resolver-rules={rules}", f"--user-data-dir={self.profile}",
               "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "about:blank"]
        log = open(self.log_path, "w") if self.log_path else subprocess.DEVNULL
        try:
            self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                                         start_new_session=True)
        finally:
            if log is not subprocess.DEVNULL:
                log.close()
        port_file = self.profile / "DevToolsActivePort"
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if self.proc.poll() is not None:
                raise CdpError(f"Chromium exited with code {self.proc.returncode} at start-up" + self._log_tail())
            if port_file.exists():
                lines = port_file.read_text().split()
                if len(lines) >= 2:
                    break
            if time.monotonic() > deadline:
                raise CdpError(f"Chromium did not open its DevTools port within {START_TIMEOUT} s" + self._log_tail())
            time.sleep(0.1)
        url = f"ws://127.0.0.1:{lines[0]}{lines[1]}"
        self.ws = websocket.create_connection(url, timeout=START_TIMEOUT, suppress_origin=True)

    def _log_tail(self):
        if not self.log_path or not self.log_path.exists():
            return ""
        text = self.log_path.read_text(errors="replace").strip().splitlines()
        return ("\nChromium's log (" + str(self.log_path) + "):\n  " + "\n  ".join(text[-15:])) if text else ""

    def close(self):
        if self.ws is not None:
            try:
                self.ws.close()
            except Exception:
                pass
            self.ws = None
        if self.proc is not None:
            kill_group(self.proc)
            self.proc = None
        if self.profile is not None:
            shutil.rmtree(self.profile, ignore_errors=True)
            self.profile = None

    # -- protocol ------------------------------------------------------------------------
    def send(self, method, params=None, session=None, timeout=60.0):
        """Sends one command and returns its result; events that arrive meanwhile are kept."""
        self._next_id += 1
        msg_id = self._next_id
        message = {"id": msg_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self.ws.send(json.dumps(message))
        deadline = time.monotonic() + timeout
        while True:
            reply = self._receive(deadline, f"the reply to {method}")
            if reply.get("id") == msg_id:
                if "error" in reply:
                    raise CdpError(f"{method} failed: {reply['error'].get('message')} {reply['error'].get('data', '')}")
                return reply.get("result", {})
            if "method" in reply:
                self._events.append((reply.get("sessionId"), reply["method"], reply.get("params", {})))

    def wait_event(self, method, session=None, timeout=60.0):
        """The parameters of the next event `method` (of the session), waiting at most timeout seconds."""
        deadline = time.monotonic() + timeout
        while True:
            for i, (s, m, p) in enumerate(self._events):
                if m == method and (session is None or s == session):
                    del self._events[i]
                    return p
            reply = self._receive(deadline, f"the event {method}")
            if "method" in reply:
                self._events.append((reply.get("sessionId"), reply["method"], reply.get("params", {})))

    def events(self, method, session=None):
        """Removes and returns the parameters of every kept event `method`."""
        found = [p for s, m, p in self._events if m == method and (session is None or s == session)]
        self._events = [e for e in self._events if not (e[1] == method and (session is None or e[0] == session))]
        return found

    def _receive(self, deadline, what):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise CdpError(f"timed out waiting for {what}")
        self.ws.settimeout(remaining)
        try:
            return json.loads(self.ws.recv())
        except websocket.WebSocketTimeoutException:
            raise CdpError(f"timed out waiting for {what}") from None
        except (websocket.WebSocketConnectionClosedException, ConnectionError) as e:
            raise CdpError(f"Chromium closed the DevTools connection while waiting for {what} ({e})"
                           + self._log_tail()) from None

    def new_page(self, width=1280, height=900):
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        page = Page(self, session, target)
        page.send("Page.enable")
        page.send("Runtime.enable")
        page.send("Network.enable")
        page.send("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        return page


class Page:
    """One tab, attached with a flat session."""

    def __init__(self, browser, session, target_id):
        self.browser = browser
        self.session = session
        self.target_id = target_id

    def close(self):
        self.browser.send("Target.closeTarget", {"targetId": self.target_id})

    def send(self, method, params=None, timeout=60.0):
        return self.browser.send(method, params, session=self.session, timeout=timeout)

    def navigate(self, url, timeout=120.0):
        """Opens url and waits for its load event."""
        self.browser.events("Page.loadEventFired", self.session)
        result = self.send("Page.navigate", {"url": url}, timeout=timeout)
        if result.get("errorText"):
            raise CdpError(f"cannot open {url}: {result['errorText']}")
        self.browser.wait_event("Page.loadEventFired", self.session, timeout=timeout)

    def evaluate(self, expression, timeout=60.0, await_promise=False):
        """The JSON value of a JavaScript expression evaluated in the page."""
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": await_promise}, timeout=timeout)
        if "exceptionDetails" in result:
            d = result["exceptionDetails"]
            text = d.get("exception", {}).get("description") or d.get("text")
            raise CdpError(f"JavaScript failed: {text}")
        return result.get("result", {}).get("value")

    def wait_for(self, expression, what, timeout, poll=0.25):
        """Evaluates expression until it is truthy; returns its value, or raises naming what."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.evaluate(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                raise CdpError(f"timed out after {timeout:.0f} s waiting for {what}")
            time.sleep(poll)

    def screenshot(self, path, clip):
        """Saves a PNG of the page region clip = {x, y, width, height} in CSS pixels of the document."""
        data = self.send("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": clip["x"], "y": clip["y"], "width": max(1, clip["width"]),
                     "height": max(1, clip["height"]), "scale": 1}}, timeout=120)["data"]
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_bytes(base64.b64decode(data))

    def requests(self):
        """The URLs the page requested since the last call (Network.requestWillBeSent)."""
        return [e["request"]["url"] for e in self.browser.events("Network.requestWillBeSent", self.session)]

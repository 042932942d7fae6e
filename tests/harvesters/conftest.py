"""A local HTTP server standing in for the OPDs' remote catalogs."""

from __future__ import annotations

import dataclasses
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from ckan.tests import factories
from ckan.tests.helpers import call_action

from ckanext.jakarta.harvesters import runner

DATA = Path(__file__).parent / "data"


@dataclasses.dataclass
class Answer:
    body: bytes
    content_type: str = "application/json"
    status: int = 200
    headers: dict[str, str] = dataclasses.field(default_factory=dict)


class SourceServer:
    """Serves given bodies at given paths; a list of answers is served in turn.

    A POST is answered by path, or by path and one key of its JSON body when
    answers were given ``when={key: value}``; ``posts`` keeps each body sent.
    """

    def __init__(self) -> None:
        self.routes: dict[str, list[Answer]] = {}
        self.keyed: dict[tuple[str, str, str], list[Answer]] = {}
        self.requests: list[str] = []
        self.posts: list[tuple[str, Any]] = []
        handler = self._handler()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.requests.append(self.path)
                answers = server.routes.get(self.path) or server.routes.get(
                    self.path.split("?", 1)[0]
                )
                self._send(answers)

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = _json(self.rfile.read(length))
                server.requests.append(self.path)
                server.posts.append((self.path, body))
                self._send(server.answers_for(self.path, body))

            def _send(self, answers: list[Answer] | None) -> None:
                if not answers:
                    self.send_response(404)
                    self.end_headers()
                    return
                answer = answers.pop(0) if len(answers) > 1 else answers[0]
                self.send_response(answer.status)
                self.send_header("Content-Type", answer.content_type)
                self.send_header("Content-Length", str(len(answer.body)))
                for name, value in answer.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(answer.body)

            def log_message(self, *args: Any) -> None:
                return

        return Handler

    def serve(
        self,
        path: str,
        *answers: Answer | bytes | str,
        when: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> str:
        """Serve the answers at path in turn (the last repeats); return its URL.

        With ``when={key: value}`` they answer only POSTs whose JSON body has it.
        """
        given = [
            a if isinstance(a, Answer) else Answer(_bytes(a), **kwargs) for a in answers
        ]
        if when:
            ((key, value),) = when.items()
            self.keyed[(path, key, json.dumps(value))] = given
        else:
            self.routes[path] = given
        return self.url(path)

    def answers_for(self, path: str, body: Any) -> list[Answer] | None:
        """The answers for a POST: by a key of its body first, then by path."""
        if isinstance(body, dict):
            for (route, key, value), answers in self.keyed.items():
                if route == path and key in body and json.dumps(body[key]) == value:
                    return answers
        return self.routes.get(path)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}{path}"

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


def _bytes(body: bytes | str) -> bytes:
    return body if isinstance(body, bytes) else body.encode("utf-8")


def _json(body: bytes) -> Any:
    try:
        return json.loads(body)
    except ValueError:
        return None


@pytest.fixture
def source_server():
    """A fresh local server for the remote catalogs of one test."""
    server = SourceServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def harvest_source():
    """Create a harvest source owned by a new OPD; returns the source dict."""

    def create(url: str, source_type: str, config: str = "", org=None, **kwargs):
        org = org or factories.Organization()
        sysadmin = factories.Sysadmin()
        return call_action(
            "harvest_source_create",
            context={"user": sysadmin["name"]},
            name=kwargs.pop("name", None) or f"source-{org['name']}-{source_type}",
            title=kwargs.pop("title", None) or f"{source_type} of {org['title']}",
            url=url,
            source_type=source_type,
            owner_org=org["id"],
            config=config,
            **kwargs,
        )

    return create


@pytest.fixture
def harvest():
    """Run a source end to end in the foreground and return its report."""
    return runner.run_source


def read(name: str) -> bytes:
    """A file of tests/harvesters/data."""
    return (DATA / name).read_bytes()

"""The real server accepts hand-typed Cyrillic in query strings (curl sends raw UTF-8)."""

from __future__ import annotations

import socket
import threading
import time
from typing import Any

import uvicorn

from soyuzprom.web.app import create_app
from soyuzprom.web.server import Utf8TargetH11Protocol, allow_utf8_targets, encode_target


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _raw_get(port: int, target: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(b"GET " + target + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def test_encode_target_keeps_ascii() -> None:
    assert encode_target(b"/a?b=c&d=%20") == b"/a?b=c&d=%20"
    assert encode_target("/a?q=МАЗ".encode()) == b"/a?q=%D0%9C%D0%90%D0%97"


def test_raw_utf8_query_reaches_the_app(sqlite_only: Any) -> None:
    from fastapi.testclient import TestClient

    with TestClient(create_app()) as client:
        client.post("/api/v1/organizations", json={"name": "Вяземский машиностроительный завод"})
    allow_utf8_targets()
    port = _free_port()
    config = uvicorn.Config(
        create_app(), host="127.0.0.1", port=port, http=Utf8TargetH11Protocol, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        for _ in range(100):
            if server.started:
                break
            time.sleep(0.05)
        reply = _raw_get(port, "/api/v1/organizations?q=Вяземский".encode())
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    head, _, body = reply.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200"), head
    assert "Вяземский машиностроительный завод" in body.decode("utf-8")

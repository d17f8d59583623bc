"""Browser tests: Debian's Chromium driven by Playwright against a real uvicorn server.

The server runs in its own process on a free 127.0.0.1 port over a SQLite file seeded with
the test story. Playwright never downloads a browser here: it launches /usr/bin/chromium.
Without that binary or the ``playwright`` package these tests are skipped with a message.
Screenshots land in ``$SOYUZPROM_SCREENSHOTS`` (default: the test's temporary folder).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from web_story import INN_SPARE, Seeded, load_reference, seed

from soyuzprom import migrate
from soyuzprom.db import make_engine

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip(
        f"{CHROMIUM} is missing; browser tests skipped (install it: apt-get install chromium)",
        allow_module_level=True,
    )
sync_api = pytest.importorskip(
    "playwright.sync_api",
    reason="the playwright package is missing; browser tests skipped (pip install '.[dev]')",
)

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-gpu",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
]
SRC = Path(__file__).resolve().parents[2] / "src"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Seeded]]:
    """A uvicorn server over a seeded SQLite file; yields its base URL and the seeded ids."""
    folder = tmp_path_factory.mktemp("web-server")
    url = f"sqlite:///{folder / 'soyuzprom.db'}"
    engine = make_engine(url)
    migrate.upgrade(engine)
    load_reference(engine)
    seeded = seed(engine)
    engine.dispose()
    port = _free_port()
    env = {**os.environ, "SOYUZPROM_DATABASE_URL": url, "SOYUZPROM_DATA_DIR": str(folder),
           "PYTHONPATH": os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")]))}
    log = (folder / "server.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "soyuzprom.web.app:create_app", "--factory",
         "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
        env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base, process, folder / "server.log")
        yield base, seeded
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def _wait_until_up(base: str, process: subprocess.Popen[bytes], log: Path) -> None:
    # Readiness wait, not a timing assertion: the server gets up to a minute on a busy box.
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited: {log.read_text(encoding='utf-8')}")
        try:
            if httpx.get(base + "/api/v1/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"the server did not start: {log.read_text(encoding='utf-8')}")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("SOYUZPROM_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_dashboard_search_card_and_edit(server: tuple[str, Seeded], browser: object,
                                        shots: Path) -> None:
    base, seeded = server
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="ru-RU")  # type: ignore[attr-defined]
    expect = sync_api.expect

    page.goto(base + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Обзор")
    expect(page.locator(".indicator-card").first).to_contain_text("294\u00a0млрд\u00a0₽")
    expect(page.locator(".indicator-card").first).to_contain_text("Тестовая областная газета")
    expect(page.get_by_role("link", name="Организации", exact=True)).to_be_visible()
    page.screenshot(path=str(shots / "dashboard.png"), full_page=True)

    page.get_by_role("link", name="Организации", exact=True).click()
    page.get_by_role("searchbox", name="Поиск").fill("Вяземский")
    page.get_by_role("button", name="Найти").click()
    expect(page.locator(".result-count")).to_contain_text("Найдено: 1")
    page.get_by_role("link", name="Вяземский машиностроительный завод").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Вяземский машиностроительный завод")
    links = page.locator("section[aria-labelledby='h-links']")
    expect(links).to_contain_text("Оршанский льнокомбинат")
    expect(links).to_contain_text("МотоВелоЗавод")
    expect(page.locator("section[aria-labelledby='h-provenance']")).to_contain_text(
        "Смоленщина и Беларусь: итоги года в цифрах"
    )
    page.screenshot(path=str(shots / "organization.png"), full_page=True)

    page.get_by_role("link", name="Редактировать").click()
    inn = page.get_by_label("ИНН", exact=True)
    inn.fill("6722000121")  # one digit off a valid INN: the check digit fails
    page.get_by_role("button", name="Сохранить").click()
    error = page.locator("#err-inn")
    expect(error).to_be_visible()
    expect(error).to_contain_text("ИНН")
    expect(page.get_by_label("ИНН", exact=True)).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("ИНН", exact=True)).to_have_value("6722000121")
    page.screenshot(path=str(shots / "edit-error.png"), full_page=True)

    page.get_by_label("ИНН", exact=True).fill(INN_SPARE)
    page.get_by_role("button", name="Сохранить").click()
    expect(page.get_by_role("status")).to_contain_text("Изменения сохранены")
    expect(page.locator("dl.details")).to_contain_text(INN_SPARE)
    expect(page.locator("section[aria-labelledby='h-audit']")).to_contain_text(INN_SPARE)
    assert page.url.endswith(f"/organizations/{seeded.vyazma}?saved=1")
    page.close()


def test_narrow_screen_keeps_navigation(server: tuple[str, Seeded], browser: object,
                                        shots: Path) -> None:
    base, seeded = server
    page = browser.new_page(viewport={"width": 390, "height": 844}, locale="ru-RU")  # type: ignore[attr-defined]
    page.goto(f"{base}/organizations/{seeded.bus}")
    sync_api.expect(page.get_by_role("link", name="Показатели")).to_be_visible()
    sync_api.expect(page.locator(".badge-by-capital").first).to_be_visible()
    # Nothing may stick out sideways on a phone.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    page.screenshot(path=str(shots / "organization-phone.png"), full_page=True)
    page.close()


@pytest.mark.parametrize(
    ("path", "heading"),
    [("/links", "Связи"), ("/projects", "Проекты"),
     ("/agreements", "Соглашения и поручения"), ("/indicators", "Показатели")],
)
def test_sections_render_at_desktop_and_phone_width(server: tuple[str, Seeded], browser: object,
                                                   shots: Path, path: str, heading: str) -> None:
    base, _seeded = server
    for name, width, height in (("desktop", 1280, 900), ("phone", 390, 844)):
        page = browser.new_page(viewport={"width": width, "height": height})  # type: ignore[attr-defined]
        page.goto(base + path)
        sync_api.expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        sync_api.expect(page.locator("nav[aria-label='Основные разделы'] a[aria-current='page']")
                        ).to_have_text(heading)
        # Wide tables scroll inside their own box; the page itself never scrolls sideways.
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
        page.screenshot(path=str(shots / f"{path.strip('/')}-{name}.png"), full_page=True)
        page.close()

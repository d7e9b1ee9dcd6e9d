"""The web app driven in a real browser (Debian's Chromium through chromedriver and Selenium, installed by
.ci/run): paste the news item of ../shared/examples/, check each mark and card, open the graph page, check
what is drawn against `vncite query`, and click the drawn document through to its page."""

import json
import os
import shutil
import subprocess
import urllib.parse

import pytest

from test_vncite import BIN, ROOT, cli, corpus

IN_CI = os.environ.get("CI") in ("true", "1")
webdriver = pytest.importorskip("selenium.webdriver") if not IN_CI else __import__("selenium.webdriver").webdriver


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    example = corpus().parent / "examples" / "tin_nghi_quyet_57_nq_cp_2022.txt"
    store = tmp_path_factory.mktemp("web") / "g.store"
    subprocess.run(
        [str(BIN), "graph", "build", "-q", "-o", str(store), str(ROOT / "tests" / "data" / "graph"), str(example)],
        check=True,
    )
    server = subprocess.Popen([str(BIN), "serve", "--graph", str(store), "--port", "0"], stderr=subprocess.PIPE, text=True)
    line = server.stderr.readline()
    base = line.strip().removeprefix("vncite: serving on ").rstrip("/")
    assert base.startswith("http://127.0.0.1:"), line
    yield base, store, example
    server.terminate()
    server.wait()


@pytest.fixture(scope="module")
def browser():
    if shutil.which("chromedriver") is None:
        if IN_CI:
            pytest.fail("chromedriver is required under CI=true (.ci/run installs chromium-driver)")
        pytest.skip("no chromedriver")
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--window-size=1200,900",
    ]:
        options.add_argument(flag)
    service = webdriver.ChromeService(executable_path=shutil.which("chromedriver"))
    driver = webdriver.Chrome(options=options, service=service)
    yield driver
    driver.quit()


def test_a_pasted_news_item_is_marked_and_the_graph_clicks_through(served, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    base, store, example = served
    text = example.read_bytes().decode("utf-8")
    browser.get(base + "/")
    box = browser.find_element(By.NAME, "text")
    # Typing thousands of characters is slow; the browser's own value setter is what a paste does.
    browser.execute_script("arguments[0].value = arguments[1];", box, text)
    browser.find_element(By.CSS_SELECTOR, "form[action='/'] button[type=submit]").click()
    WebDriverWait(browser, 10).until(expected_conditions.presence_of_element_located((By.ID, "cards")))
    marked = [m.get_attribute("data-symbol") for m in browser.find_elements(By.CSS_SELECTOR, ".vncite .vncite-ref")]
    want = json.loads(subprocess.run([str(BIN), "annotate", "--format", "json", str(example)],
                                     capture_output=True, check=True).stdout)["marks"]
    assert marked == [m.get("symbol") for m in want]
    assert "57/NQ-CP" in marked
    rows = browser.find_elements(By.CSS_SELECTOR, "#cards tr")
    assert len(rows) == len(want) + 1

    doc = "doc:30/2020/NĐ-CP"
    browser.get(base + "/graph?id=" + urllib.parse.quote(doc))
    drawn = WebDriverWait(browser, 15).until(
        lambda d: d.find_element(By.ID, "cy").get_attribute("data-ready")
    )
    neighbourhood = json.loads(cli("query", "descendants", doc, "--graph", str(store), "--depth", "1", "--format", "json"))
    ancestors = json.loads(cli("query", "ancestors", doc, "--graph", str(store), "--depth", "1", "--format", "json"))
    ids = {n["id"] for n in neighbourhood["nodes"]} | {n["id"] for n in ancestors["nodes"]}
    assert int(drawn) == len(ids)
    # The concentric layout puts the document itself in the middle: a click there opens its page.
    canvas = browser.find_element(By.ID, "cy")
    webdriver.ActionChains(browser).move_to_element(canvas).click().perform()
    WebDriverWait(browser, 10).until(lambda d: "/doc?id=" in d.current_url)
    assert urllib.parse.unquote(browser.current_url.split("/doc?id=", 1)[1]) == doc
    assert browser.find_element(By.ID, "verdict").text == "partly repealed"

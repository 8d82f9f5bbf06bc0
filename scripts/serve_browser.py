"""The browser walk of scripts/serve-browser (which starts the service and sets QRC_URL and QRC_VENDOR_TOKEN).

Headless Chromium through Selenium: home page, log in with the vendor token, upload a submission zip through the
form (certification), its status page until done (at most --wait seconds), the report.html link. A PNG of each page
goes into the output folder and must show its expected text to `tesseract -l eng`. Then the upload form posted
without its csrf field (urllib, with the browser's session cookie) must be refused with 403.
Usage: serve_browser.py OUTPUT_DIR ZIP [--wait SECONDS]. Exit 1 naming the page that failed.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

# The pages, the text each screenshot must show (any one of the alternatives of each group), case-insensitive.
EXPECTED = {
    "home": [["Log in"]],
    "submissions": [["Upload"]],
    "status": [["done"], ["pass"]],
    "report": [["ACME-PASS-ACME", "Submission"]],
}


class PageFailure(Exception):
    def __init__(self, page, message):
        super().__init__(f"{page} page: {message}")


def driver():
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,1400", "--force-device-scale-factor=2", "--no-first-run",
                     "--disable-background-networking"):
        options.add_argument(argument)
    chromedriver = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    service = Service(executable_path=chromedriver)
    browser = webdriver.Chrome(options=options, service=service)
    browser.set_page_load_timeout(30)
    return browser


def wait_for(page, what, condition, seconds):
    deadline = time.monotonic() + seconds
    while True:
        try:
            value = condition()
            if value:
                return value
        except (StaleElementReferenceException, WebDriverException):
            pass  # the page is reloading (the status page refreshes itself)
        if time.monotonic() > deadline:
            raise PageFailure(page, f"{what} within {seconds:g} s")
        time.sleep(0.25)


def ocr(path):
    result = subprocess.run(["tesseract", path, "stdout", "-l", "eng"], capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        raise RuntimeError(f"tesseract failed on {path}: {result.stderr.strip()}")
    return " ".join(result.stdout.split())


def shoot(browser, out, page):
    path = os.path.join(out, f"{page}.png")
    if not browser.save_screenshot(path):
        raise PageFailure(page, "no screenshot")
    text = ocr(path).lower()
    for group in EXPECTED[page]:
        if not any(alternative.lower() in text for alternative in group):
            raise PageFailure(page, f"the screenshot {path} does not show {' or '.join(map(repr, group))}"
                                    f" (tesseract read {len(text)} characters)")
    print(f"serve-browser: {page}: {path} shows {', '.join(' or '.join(g) for g in EXPECTED[page])}")


def post_without_csrf(url, cookie, zip_path):
    """The upload form without its csrf field, with the browser's session: must be 403."""
    boundary = uuid.uuid4().hex
    with open(zip_path, "rb") as f:
        data = f.read()
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"mode\"\r\n\r\ncertification\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"pass-acme.zip\"\r\n"
            f"Content-Type: application/zip\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
    request = urllib.request.Request(
        url + "/submissions", data=body, method="POST",
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}", "Cookie": f"qrc_session={cookie}"})

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("zip")
    parser.add_argument("--wait", type=float, default=120)
    args = parser.parse_args()
    url, token = os.environ["QRC_URL"], os.environ["QRC_VENDOR_TOKEN"]
    os.makedirs(args.out, exist_ok=True)
    started = time.monotonic()
    page = "home"  # the page being worked on, for the message when something unexpected fails
    try:
        browser = driver()
    except WebDriverException as error:
        print(f"serve-browser: FAILED: cannot start headless Chromium: {error.msg}", file=sys.stderr)
        return 1
    try:
        browser.get(url + "/")
        shoot(browser, args.out, "home")

        browser.find_element(By.NAME, "token").send_keys(token)
        browser.find_element(By.CSS_SELECTOR, "form[action='/login'] button[type=submit]").click()
        page = "submissions"
        wait_for("submissions", "no redirect to /submissions after logging in",
                 lambda: browser.current_url.rstrip("/").endswith("/submissions"), 30)
        shoot(browser, args.out, "submissions")

        form = browser.find_element(By.CSS_SELECTOR, "form[action='/submissions']")
        form.find_element(By.CSS_SELECTOR, "input[name=mode][value=certification]").click()
        form.find_element(By.CSS_SELECTOR, "input[type=file][name=file]").send_keys(os.path.abspath(args.zip))
        form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        page = "status"
        job = wait_for("status", "no redirect to /submissions/ID after the upload",
                       lambda: (re.search(r"/submissions/([A-Za-z0-9_-]{22})$", browser.current_url) or [None, None])[1],
                       60)
        print(f"serve-browser: uploaded through the form: submission {job}")

        def judged():
            state = browser.find_element(By.ID, "state").text.strip()
            return state if state in ("done", "failed") else None

        state = wait_for("status", f"submission {job} not judged", judged, args.wait)
        if state != "done":
            raise PageFailure("status", f"submission {job} is {state}, not done")
        verdict = browser.find_element(By.ID, "verdict").text.strip()
        if verdict != "pass":
            raise PageFailure("status", f"submission {job} has verdict {verdict!r}, not pass")
        print(f"serve-browser: status page: {job} done, verdict {verdict}")
        shoot(browser, args.out, "status")

        page = "report"
        browser.find_element(By.ID, "reports").find_element(By.LINK_TEXT, "report.html").click()
        wait_for("report", "the report.html link did not lead to the report",
                 lambda: browser.current_url.endswith(f"/api/v1/submissions/{job}/report.html"), 30)
        wait_for("report", "the report did not load", lambda: browser.execute_script(
            "return document.readyState") == "complete", 30)
        shoot(browser, args.out, "report")

        page = "submissions (form post without csrf)"
        cookie = browser.get_cookie("qrc_session")
        if not cookie or not cookie.get("value"):
            raise PageFailure("submissions", "the browser has no qrc_session cookie")
        status = post_without_csrf(url, cookie["value"], args.zip)
        if status != 403:
            raise PageFailure("submissions", f"the upload form without its csrf field was answered {status}, not 403")
        print("serve-browser: the upload form without its csrf field: 403")
    except PageFailure as failure:
        print(f"serve-browser: FAILED: {failure}", file=sys.stderr)
        return 1
    except (WebDriverException, OSError, RuntimeError, subprocess.SubprocessError) as error:
        message = getattr(error, "msg", None) or str(error)
        print(f"serve-browser: FAILED on the {page} page: {type(error).__name__}: {message}", file=sys.stderr)
        return 1
    finally:
        browser.quit()
    print(f"serve-browser: ok in {time.monotonic() - started:.1f} s; screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

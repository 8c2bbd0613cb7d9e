#!/usr/bin/python3
"""Issue 11's end-to-end proof, driven through the accessibility tree as a
person would: a candidate fills everything in and submits while the
registration server is down (the window says the account will be made
when it answers); the server starts; Sync Now (Ctrl+R) sends it all, the
account is made, the server's automatic check comes back and the status
page shows its verdict; then a second computer (another home directory)
signs in with "Sign In on This Computer" and finds the same profile and
the same verdict. Once in English and once in Chinese, each with its own
server and homes; a screenshot of every step lands in SHOTS/<language>/.

    test-sync-flow.py BAOKAO PHOTO_CORPUS SHOTS LOCALEDIR BAOKAO_TOOL BAOKAO_SERVER
"""
import importlib.util
import os
import shutil
import socket
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "server"))
from serverlib import Server  # noqa: E402

server_binary = sys.argv.pop(6)
spec = importlib.util.spec_from_file_location("candidate_flow",
                                              os.path.join(HERE, "test-candidate-flow.py"))
candidate_flow = importlib.util.module_from_spec(spec)
spec.loader.exec_module(candidate_flow)
a11y = candidate_flow.a11y

PASSWORD = "correct horse"
SHANGHAI_POINT_CHECK = "Automatic check passed"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SyncFlow(candidate_flow.Flow):
    def __init__(self, language, server, computer):
        # Flow starts its screenshots afresh; the second computer's follow
        # the first's in the same folder.
        shots = os.path.join(candidate_flow.shots_root, language)
        if computer > 0:
            os.rename(shots, shots + ".first")
        super().__init__(language)
        if computer > 0:
            os.rename(shots + ".first", shots)
        self.server = server
        self.step = computer * 20
        # The server's address and CA, as the registration point gives them,
        # in the settings a person would set in Preferences.
        settings = os.path.join(self.home, "config", "glib-2.0", "settings")
        os.makedirs(settings)
        with open(os.path.join(settings, "keyfile"), "w") as f:
            f.write("[io/github/baokao/Baokao]\n"
                    f"server-url='https://127.0.0.1:{server.port}/'\n"
                    f"ca-file='{server.ca_file}'\n")

    def environment(self, now=candidate_flow.NOW):
        return dict(super().environment(now), GSETTINGS_BACKEND="keyfile",
                    SECRET_BACKEND="file", SECRET_FILE_TEST_PASSWORD="e2e keyring")

    def see_any(self, texts, timeout=10):
        wanted = [self._(t) for t in texts]
        return a11y.wait_for(
            lambda: any(n in wanted for _, n in a11y.names(self.frame)), timeout,
            f"one of {wanted} on screen")

    def fill_and_submit(self):
        """The first computer: everything filled in and submitted, offline."""
        self.press("_New Profile")
        self.see("New Profile")
        time.sleep(0.5)
        self.type("User name", "zhangsan")
        self.type("Password", PASSWORD)
        self.type("Repeat password", PASSWORD)
        self.type("Real name", "张三")
        self.type("ID number", "11010519491231002X")
        self.type("Mobile phone number", "13800138000")
        # Saved with its password and user name: the account waits for the server.
        self.see("Your account will be made on the registration server when it answers.",
                 timeout=30)
        self.shot("account-server-down")

        self.next_step("2. Profile")
        self.fill_basics()
        self.add_records()
        self.see("上海市计量测试技术研究院")

        self.next_step("3. Photo")
        self.press("Choose Photo…")
        a11y.choose_file(self.app, self._("Choose Your Photo"), candidate_flow.GOOD_PHOTO)
        self.see("Accepted", timeout=20)

        self.next_step("4. Eligibility")
        self.see("Eligible")

        self.next_step("5. Application")
        self.press("I will use the commitment system")
        self.type("Type your real name to sign", "张三")
        self.press("_Sign")
        dialog = self.window("Sign the Commitment?")
        self.type("Password", PASSWORD, dialog)
        self.press("_Sign Commitment", dialog)
        self.see_prefix("You signed the commitment on %s.")
        self.press("S_ubmit Application")
        dialog = self.window("Submit Your Application?")
        self.press("_Submit Application", dialog)
        self.see(self.gettext("Submitted"))
        self.see_any(["Offline: retrying", "Sync stopped"])
        self.shot("submitted-offline")

    def server_answers(self):
        """The server starts; Sync Now sends everything and brings its verdict."""
        self.server.start()
        a11y.press_key(keysym=ord("r"), with_control=True)  # Sync Now
        self.see("Your account on the registration server is ready; your profile syncs with it.",
                 timeout=60)
        self.shot("account-made")
        self.see(self.gettext(SHANGHAI_POINT_CHECK), timeout=60)
        self.see("Online", timeout=30)
        self.shot("automatic-check-back")

    def sign_in_elsewhere(self):
        """The second computer: the same profile, brought from the server."""
        self.start()
        self.see("Welcome to Baokao")
        self.press("_Sign In on This Computer")
        dialog = self.window("Sign In on This Computer")
        self.type("User name", "zhangsan", dialog)
        self.type("Password", "wrong password", dialog)
        self.press("_Sign In", dialog)
        self.see("The user name or the password is wrong. Check both and sign in again.",
                 dialog, timeout=30)
        self.shot("sign-in-wrong-password")
        self.type("Password", PASSWORD, dialog)
        self.press("_Sign In", dialog)
        self.see("张三", timeout=60)  # the workspace's title
        self.shot("signed-in-profile")
        self.step_to(5)
        self.see(self.gettext(SHANGHAI_POINT_CHECK), timeout=30)
        self.shot("signed-in-status")
        self.step_to(1)
        self.see("上海市计量测试技术研究院")
        self.quit()


def run(language):
    port = free_port()
    server = Server(server_binary, args=["--port", str(port)],
                    env={"BAOKAO_NOW": candidate_flow.NOW})
    server.start()  # makes its CA, which the computers pin
    server.stop()
    flows = []
    try:
        first = SyncFlow(language, server, 0)
        flows.append(first)
        first.start()
        first.see("Welcome to Baokao")
        first.fill_and_submit()
        first.server_answers()
        first.quit()
        second = SyncFlow(language, server, 1)
        flows.append(second)
        second.sign_in_elsewhere()
        state = server.one("SELECT state FROM entity WHERE type = 'application'")
        assert state == "automatic-check-passed", state
    except BaseException:
        if flows and flows[-1].process is not None and flows[-1].process.poll() is None:
            flows[-1].shot("failure")
        for flow in flows:
            print(f"{language}: a home is kept in {flow.home}; the server's state in "
                  f"{server.state_dir}", file=sys.stderr)
        raise
    finally:
        for flow in flows:
            if flow.process is not None and flow.process.poll() is None:
                flow.process.terminate()
                flow.process.wait(timeout=10)
        server.stop()
    for flow in flows:
        shutil.rmtree(flow.home, ignore_errors=True)
    print(f"ok {language}: screenshots in {flows[0].shots}")


for language in os.environ.get("BAOKAO_E2E_LANGUAGES", "en zh_CN").split():
    run(language)

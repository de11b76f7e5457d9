"""Start and stop (issue 17): Ctrl+C in the terminal closes the window as Ctrl+Q does (the exit
backup is made); without a display, or without a library of Qt's X11 plugin, a Ukrainian message
says what is missing instead of Qt's English abort."""

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from kr_desktop.db.backup import backups_dir, list_backups
from kr_desktop.ui import display_check

pytestmark = pytest.mark.sqlite_only


def test_ctrl_c_closes_the_window(qtbot, db):
    from kr_desktop.ui.interrupt import InterruptWatcher
    from kr_desktop.ui.main_window import MainWindow

    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    watcher = InterruptWatcher(window)
    watcher.wake_on_signals()
    try:
        os.kill(os.getpid(), signal.SIGINT)  # Ctrl+C in the terminal
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=3000)
        assert watcher.received == 1
    finally:
        watcher.uninstall()
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # put back as it was


# A window started as the user starts it, the login answered for the test.
RUN_WINDOW = textwrap.dedent("""
    import sys
    import kr_desktop.ui.login_dialog as login
    login.ask_for_user = lambda db, parent: "тест"
    from kr_desktop.ui.app import run_application
    sys.exit(run_application(sys.argv[1]))
""")


def test_ctrl_c_in_the_terminal_ends_the_program_with_the_exit_backup(db_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    process = subprocess.Popen([sys.executable, "-c", RUN_WINDOW, str(db_path)], env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    try:
        folder = backups_dir(db_path)
        deadline = time.monotonic() + 60
        while not any(e.reason == "start" for e in list_backups(folder)):  # the window is up with its database
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "the window did not start"
            time.sleep(0.1)
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    assert any(e.reason == "exit" for e in list_backups(folder))  # as Ctrl+Q: the exit backup is made


def test_without_a_display_the_message_is_ukrainian():
    environ = {"PATH": os.environ.get("PATH", "")}
    problem = display_check.display_problem(environ, "linux")
    assert problem is not None and "немає графічного дисплея" in problem and "run-app.sh" in problem
    assert display_check.display_problem(dict(environ, QT_QPA_PLATFORM="offscreen"), "linux") is None
    assert display_check.display_problem(dict(environ, WAYLAND_DISPLAY="wayland-0"), "linux") is None
    assert display_check.display_problem(environ, "win32") is None

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, "-m", "kr_desktop"], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 69
    assert "немає графічного дисплея" in result.stderr and "could not connect" not in result.stderr


def test_a_missing_library_of_the_x11_plugin_is_named_with_its_package(tmp_path):
    plugin = tmp_path / "libqxcb.so"
    plugin.write_bytes(b"")

    def load(_path):
        raise OSError("libxcb-cursor.so.0: cannot open shared object file: No such file or directory")

    problem = display_check.display_problem({"DISPLAY": ":0"}, "linux", load=load, plugin=lambda: plugin)
    assert "libxcb-cursor.so.0" in problem and "sudo apt-get install libxcb-cursor0" in problem
    assert display_check.display_problem({"DISPLAY": ":0"}, "linux", load=lambda _p: None,
                                         plugin=lambda: plugin) is None

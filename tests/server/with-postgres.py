#!/usr/bin/python3
"""Runs a command with BAOKAO_TEST_SQL_TARGET set to a new database in a
throwaway PostgreSQL cluster (tests/server/serverlib.py starts it and
removes it after), and exits with the command's status.

    with-postgres.py COMMAND [ARGUMENT...]"""
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
from serverlib import cluster  # noqa: E402

env = dict(os.environ, BAOKAO_TEST_SQL_TARGET=cluster().new_database())
status = subprocess.run(sys.argv[1:], env=env).returncode
sys.exit(status)

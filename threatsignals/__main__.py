"""``python -m threatsignals``: the command-line interface."""

from threatsignals._cli import run

run()

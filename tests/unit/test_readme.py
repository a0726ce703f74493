"""The README documents every setting an operator can turn, and starts with the two commands."""

from pathlib import Path

from nudge.settings import Settings

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_in_the_configuration_table() -> None:
    missing = [
        f"NUDGE_{name.upper()}"
        for name in Settings.model_fields
        if f"`NUDGE_{name.upper()}`" not in README
    ]
    assert missing == []


def test_readme_opens_with_the_run_and_test_commands() -> None:
    first_block = README.split("```bash\n", 1)[1].split("```", 1)[0]
    assert first_block.splitlines()[0].startswith("bash scripts/run")
    assert first_block.splitlines()[1].startswith("bash scripts/test")
    assert README.index("```bash") < README.index("A self-hostable")

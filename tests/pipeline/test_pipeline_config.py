"""Settings: explicit value > environment variable > default; bad values named by their variable."""

from __future__ import annotations

from pathlib import Path

import pytest

from flankwatch.config import SETTINGS, Config, load_config, sample_corpus_dir
from flankwatch.errors import UsageError


def test_defaults_apply_without_environment():
    config = load_config(env={})
    assert config.db == Path("flankwatch.duckdb") and config.max_input_bytes == 20 * 1024 * 1024
    assert {s.name for s in SETTINGS} == set(Config.__slots__)
    assert all(s.help.endswith(".") and s.env.startswith("FLANKWATCH_") for s in SETTINGS)


def test_the_environment_overrides_defaults_and_explicit_values_override_both():
    env = {"FLANKWATCH_DB": "env.duckdb", "FLANKWATCH_FETCH_TIMEOUT": "2.5", "FLANKWATCH_BATCH_SIZE": " 7 "}
    config = load_config(env=env)
    assert (config.db, config.fetch_timeout, config.batch_size) == (Path("env.duckdb"), 2.5, 7)
    assert load_config(env=env, db="cli.duckdb", batch_size=None).db == Path("cli.duckdb")
    assert load_config(env=env, batch_size=None).batch_size == 7  # None means "not given"
    assert config.with_db(None) is config and config.with_db("x.duckdb").db == Path("x.duckdb")


@pytest.mark.parametrize(
    ("name", "value", "problem"),
    [
        ("FLANKWATCH_MAX_INPUT_BYTES", "20MB", "invalid literal for int()"),
        ("FLANKWATCH_BATCH_SIZE", "0", "must be a positive whole number"),
        ("FLANKWATCH_FETCH_RETRIES", "-1", "must be zero or more"),
        ("FLANKWATCH_FETCH_TIMEOUT", "0", "must be a positive number"),
    ],
)
def test_a_bad_environment_value_is_a_usage_error_naming_the_variable(name, value, problem):
    with pytest.raises(UsageError, match=rf"^{name}='{value}' is not valid: .*{problem}"):
        load_config(env={name: value})


def test_an_unknown_setting_lists_the_known_ones():
    with pytest.raises(UsageError, match=r"unknown settings \['colour'\] \(known: db, max_input_bytes"):
        load_config(env={}, colour="red")


def test_the_sample_corpus_ships_with_the_package():
    assert list(sample_corpus_dir().glob("*.jsonl"))

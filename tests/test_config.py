import tomllib
from pathlib import Path

import pytest

from factcheck.config import Config, load_config
from factcheck.errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent


def test_default_toml_equals_model_defaults():
    data = tomllib.loads((ROOT / "configs" / "default.toml").read_text())
    assert Config.model_validate(data) == Config()
    assert set(data) == set(Config.model_fields)
    for section, field in Config.model_fields.items():
        assert set(data[section]) == set(type(field.default).model_fields), section


def test_every_setting_is_documented():
    for section, field in Config.model_fields.items():
        assert field.description, section
        for key, sub in type(field.default).model_fields.items():
            assert sub.description, f"{section}.{key}"


def test_override_and_partial_file(tmp_path):
    path = tmp_path / "c.toml"
    path.write_text("[cluster]\ndistance_threshold = 0.3\n")
    cfg = load_config(path, overrides=["compare.min_shared_names=3"])
    assert cfg.cluster.distance_threshold == 0.3
    assert cfg.compare.min_shared_names == 3
    assert cfg.embed == Config().embed


def test_typo_is_an_error(tmp_path):
    with pytest.raises(ConfigError, match=r"cluster\.distance_treshold"):
        load_config(overrides=["cluster.distance_treshold=0.3"])
    with pytest.raises(ConfigError, match=r"expected section\.key=value"):
        load_config(overrides=["nonsense"])

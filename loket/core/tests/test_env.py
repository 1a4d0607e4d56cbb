import pytest

from loket.env import ConfigurationError, Env


def test_every_type_reads_its_value_and_falls_back_to_its_default():
    env = Env(
        {
            "LOKET_A": "tekst",
            "LOKET_B": "ja",
            "LOKET_C": "42",
            "LOKET_D": "x.nl, y.nl,",
            "LOKET_E": "/srv/loket",
            "LOKET_F": "JSON",
        }
    )
    assert env.str("LOKET_A", help="") == "tekst"
    assert env.bool("LOKET_B", help="") is True
    assert env.int("LOKET_C", help="") == 42
    assert env.list("LOKET_D", help="") == ["x.nl", "y.nl"]
    assert str(env.path("LOKET_E", help="")) == "/srv/loket"
    assert env.choice("LOKET_F", choices=["json", "text"], help="") == "json"
    assert env.list("LOKET_G", ["a"], help="") == ["a"]
    assert env.bool("LOKET_H", False, help="") is False


def test_documentation_lists_every_variable_with_its_default():
    env = Env({})
    env.list("LOKET_HOSTS", ["a", "b"], help="Hosts.")
    env.int("LOKET_PORT", 8000, help="Poort.", shown="8000 (demo: 8001)")
    table = env.documentation()
    assert "| `LOKET_HOSTS` | lijst (komma's) | `a,b` | Hosts. |" in table
    assert "| `LOKET_PORT` | getal | `8000 (demo: 8001)` | Poort. |" in table


def test_a_required_variable_that_is_missing_names_itself():
    with pytest.raises(ConfigurationError) as error:
        Env({}).str("LOKET_SECRET_KEY", help="Geheime sleutel.")
    assert str(error.value).startswith(
        "LOKET_SECRET_KEY is niet gezet. Geheime sleutel."
    )


@pytest.mark.parametrize(
    ("reader", "raw"),
    [("bool", "misschien"), ("int", "acht"), ("choice", "xml")],
)
def test_a_value_of_the_wrong_type_names_the_variable(reader, raw):
    env = Env({"LOKET_X": raw})
    kwargs = {"choices": ["json"]} if reader == "choice" else {}
    with pytest.raises(ConfigurationError) as error:
        getattr(env, reader)("LOKET_X", help="", **kwargs)
    assert "LOKET_X" in str(error.value)

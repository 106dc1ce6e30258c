"""Registry of the demo data behind `manage.py demo_daten`.

The base package knows no domain app, so each app registers its own part in AppConfig.ready():

    from . import demo
    demo_data.register(self, demo.laden)

The command loads the parts in INSTALLED_APPS order, which is the layer order (quartiere
before the apps built on it): a part may rely on the data of every app listed before it.
A part that creates demo logins registers with `creates_logins=True`; it is called with the
`passwort` for new logins and returns them (username -> description) for the command to print.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import AppConfig, apps


@dataclass(frozen=True)
class DemoPart:
    app_label: str
    load: Callable
    creates_logins: bool = False


_parts: dict[str, DemoPart] = {}


def register(app_config: AppConfig, load: Callable, *, creates_logins: bool = False) -> None:
    _parts[app_config.label] = DemoPart(app_config.label, load, creates_logins)


def parts() -> list[DemoPart]:
    """The registered parts in INSTALLED_APPS (= layer) order."""
    order = {config.label: i for i, config in enumerate(apps.get_app_configs())}
    return sorted(_parts.values(), key=lambda part: order[part.app_label])


def load_all(*, passwort: str) -> dict[str, str]:
    """Load every app's part; return the demo logins the parts created."""
    logins: dict[str, str] = {}
    for part in parts():
        if part.creates_logins:
            logins.update(part.load(passwort=passwort))
        else:
            part.load()
    return logins

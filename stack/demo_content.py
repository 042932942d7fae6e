"""Load demo/content.yaml into the demo portal through CKAN's action API.

Usage: .venv/bin/python stack/demo_content.py demo.ini

Creates what is missing and leaves what exists alone, so `make demo` can run
it every time.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

import yaml
from werkzeug.datastructures import FileStorage

import ckan.plugins.toolkit as tk
from ckan.cli import load_config
from ckan.config.middleware import make_app

log = logging.getLogger("demo")

DEMO = Path(__file__).resolve().parent.parent / "demo"


def _context() -> dict[str, Any]:
    return {"user": "admin", "ignore_auth": False}


def _exists(action: str, name: str) -> bool:
    try:
        tk.get_action(action)(_context(), {"id": name})
    except tk.ObjectNotFound:
        return False
    return True


def _organization(org: dict[str, Any]) -> None:
    if _exists("organization_show", org["name"]):
        return
    tk.get_action("organization_create")(_context(), dict(org))
    print(f"  organization {org['name']} created")


def _dataset(spec: dict[str, Any]) -> None:
    if _exists("package_show", spec["name"]):
        print(f"  dataset {spec['name']} already there")
        return
    data = {k: v for k, v in spec.items() if k not in ("resources", "tags")}
    data["tags"] = [{"name": tag} for tag in spec.get("tags", [])]
    dataset = tk.get_action("package_create")(_context(), data)
    for res in spec.get("resources", []):
        _resource(dataset["id"], res)
    print(f"  dataset {spec['name']} created")


def _resource(dataset_id: str, spec: dict[str, Any]) -> None:
    data = {k: v for k, v in spec.items() if k != "file"}
    data["package_id"] = dataset_id
    if "file" not in spec:
        tk.get_action("resource_create")(_context(), data)
        return
    path = DEMO / "files" / spec["file"]
    with path.open("rb") as stream:
        data["upload"] = FileStorage(stream, filename=path.name)
        data["url"] = path.name
        tk.get_action("resource_create")(_context(), data)


def main(ini: str) -> None:
    """Create the demo organizations and datasets that are missing."""
    config = load_config(ini)
    app = make_app(config)
    content = yaml.safe_load((DEMO / "content.yaml").read_text(encoding="utf-8"))
    with app._wsgi_app.test_request_context():
        for org in content.get("organizations", []):
            _organization(org)
        for dataset in content.get("datasets", []):
            _dataset(dataset)


if __name__ == "__main__":
    main(sys.argv[1])

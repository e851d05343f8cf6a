"""Packaging: the kiosk's code, with the data it reads at run time (assets/, symbols/) carried inside it."""

from setuptools import find_namespace_packages, find_packages, setup

# The checkout keeps its data beside the code; the wheel puts each folder inside the package (kiosk/assets,
# kiosk/symbols), where kiosk.package_files looks first. Developer-only files (symbols/README.md) stay out.
DATA = {"kiosk.assets": "assets", "kiosk.symbols": "symbols"}
DATA_FILES = ["*.toml", "*.jsonl", "*.csv", "*.txt", "*.json"]


def data_packages(name: str, folder: str) -> list[str]:
    """The data folder and every folder under it, named as packages so their files can be package data."""
    return [name] + [f"{name}.{sub}" for sub in find_namespace_packages(where=folder)]


packages = find_packages(include=["kiosk", "kiosk.*"])
data = [p for name, folder in DATA.items() for p in data_packages(name, folder)]
setup(
    packages=packages + data,
    package_dir=DATA,
    package_data={p: DATA_FILES for p in data},
)

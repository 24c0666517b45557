"""A bundled document keeps every code schema of the components it took
responses from: `bundle_keeps_codes.py BUNDLED COMPONENTS`."""

import sys

import yaml


def main() -> int:
    bundled, components = (yaml.safe_load(open(path, encoding="utf-8")) for path in sys.argv[1:3])
    codes = {name for name in components["components"]["schemas"] if name.endswith("Code")}
    kept = set(bundled.get("components", {}).get("schemas", {}))
    missing = sorted(codes - kept)
    if missing or not codes:
        print(f"{sys.argv[1]}: the bundle lost {missing or 'every code schema'}", file=sys.stderr)
        return 1
    print(f"{sys.argv[1]}: keeps {', '.join(sorted(codes))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

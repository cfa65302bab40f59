#!/usr/bin/env sh
# Prints the path of a Python >= 3.12, preferring the version pinned in .python-version.
for candidate in "$PYTHON" python3.13 python3.12 python3.14 python3 python \
    /root/.pyenv/versions/3.13*/bin/python3 /root/.pyenv/versions/3.12*/bin/python3 \
    /usr/local/bin/python3.13 /usr/local/bin/python3.12 /usr/bin/python3.13 /usr/bin/python3.12; do
    [ -n "$candidate" ] || continue
    if "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then
        "$candidate" -c 'import sys; print(sys.executable)'
        exit 0
    fi
done
echo "Protected Time needs Python 3.12 or newer (3.13 is pinned in .python-version)." >&2
echo "Install it (for example 'pyenv install 3.13' or your OS package python3.13) and run make again." >&2
exit 1

# Sourced by scripts/test.sh: install the Debian packages the tests need, as root or through
# passwordless sudo (as on GitHub's runner, where jobs run as the unprivileged user `runner`).
#
#   require_system PACKAGE WHY CHECK...   run CHECK; when it fails, install PACKAGE, else stop and
#                                         name the package and the command that installs it.
#
# tests/test_workflows.py reads the `require_system` lines of scripts/test.sh: each package must be
# provided by GitHub's runner image (.github/runner-image.yaml) or installed by a workflow step.

# How to run apt-get here: empty when we are root, "sudo -n" with passwordless sudo, else unset.
_system_privilege() {
  if [ "$(id -u)" = 0 ]; then
    echo root
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    echo sudo
  else
    echo none
  fi
}

_apt_install() {
  local how
  how=$(_system_privilege)
  command -v apt-get >/dev/null 2>&1 || return 1
  local run=()
  case "$how" in
    root) run=(env DEBIAN_FRONTEND=noninteractive) ;;
    sudo) run=(sudo -n env DEBIAN_FRONTEND=noninteractive) ;;
    *) return 1 ;;
  esac
  "${run[@]}" apt-get install -y -qq "$@" >/dev/null 2>&1 \
    || { "${run[@]}" apt-get update -qq >/dev/null 2>&1 && "${run[@]}" apt-get install -y -qq "$@" >/dev/null; }
}

require_system() {
  local package=$1 why=$2
  shift 2
  if "$@" >/dev/null 2>&1; then
    return 0
  fi
  echo "test: installing Debian's $package ($why)"
  if _apt_install "$package" && "$@" >/dev/null 2>&1; then
    return 0
  fi
  local how
  how=$(_system_privilege)
  if [ "$how" = none ]; then
    echo "test: $why needs the system package $package, and this user cannot install it" \
         "(not root, no passwordless sudo): run  sudo apt-get install -y $package" >&2
  else
    echo "test: could not install $package ($why): run  sudo apt-get install -y $package" >&2
  fi
  exit 1
}

# The browser for the browser tests: $CHROMIUM if set, else Debian's chromium, else the Chrome or
# Chromium that GitHub's runner image provides ($CHROME_BIN, google-chrome, chromium-browser).
find_browser() {
  local candidate
  for candidate in "${CHROMIUM:-}" /usr/bin/chromium "${CHROME_BIN:-}" "$(command -v google-chrome 2>/dev/null || true)" \
                   "$(command -v google-chrome-stable 2>/dev/null || true)" "$(command -v chromium-browser 2>/dev/null || true)" \
                   "$(command -v chromium 2>/dev/null || true)"; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

has_cjk_font() {
  command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh family 2>/dev/null)" ]
}

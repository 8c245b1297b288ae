# The investigator's page: web/ (TypeScript) is built into api/static/ui/, which the API serves
# at /ui. Included from the Makefile (`include web/web.mk`); `make demo` and `make test` depend
# on web-build.
#   web-build  `npm ci` only when node_modules is missing or the lock file changed, then
#              `npm run build` when a source changed (tsc --noEmit + esbuild)
#   web-test   the page's unit tests (node --test)
#   web-clean  removes the build output and node_modules
WEB_DIR ?= web
UI_OUT ?= api/static/ui
WEB_STAMP := $(WEB_DIR)/node_modules/.regkg-npm-ci
WEB_SOURCES := $(wildcard $(WEB_DIR)/src/*) $(WEB_DIR)/build.mjs $(WEB_DIR)/tsconfig.json

.PHONY: web-build web-test web-clean

$(WEB_STAMP): $(WEB_DIR)/package-lock.json $(WEB_DIR)/package.json
	@command -v npm >/dev/null 2>&1 || { echo "error: npm not found: install Node.js 20 with npm (e.g. apt-get install nodejs npm)" >&2; exit 1; }
	cd $(WEB_DIR) && npm ci --no-audit --no-fund
	@touch $@

$(UI_OUT)/index.html: $(WEB_STAMP) $(WEB_SOURCES)
	cd $(WEB_DIR) && npm run build

web-build: $(UI_OUT)/index.html

web-test: $(WEB_STAMP)
	cd $(WEB_DIR) && npm test

web-clean:
	rm -rf $(UI_OUT) $(WEB_DIR)/dist $(WEB_DIR)/node_modules

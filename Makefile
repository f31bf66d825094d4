# WOMS — the two set-up commands are `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help
PORT ?= 3000

.PHONY: help bootstrap run test lint typecheck test-sqlite test-postgres bench lock clean

help:
	@echo "make run   — cài đặt (lần đầu), nạp dữ liệu mẫu và chạy ứng dụng tại http://localhost:$(PORT)"
	@echo "make test  — cài đặt, Chromium, PostgreSQL; chạy toàn bộ kiểm thử trên SQLite và PostgreSQL"
	@echo "make bench — các phép đo hiệu năng (in số liệu, không phải kiểm thử)"

bootstrap:
	@scripts/bootstrap.sh

run: bootstrap
	@scripts/run.sh

lint: bootstrap
	@source scripts/env.sh && ruff check . && ruff format --check .

typecheck: bootstrap
	@source scripts/env.sh && mypy woms_pwa analytics metric_library assistant

test: bootstrap
	@scripts/test.sh

bench: bootstrap
	@scripts/bench.sh

lock:
	@.venv/bin/python -m pip freeze --exclude-editable > requirements.lock

clean:
	rm -rf .web .states .local/reflex

# The regkg API image (used by docker-compose.yml). The database runs in its own container.
FROM python:3.11-slim
WORKDIR /app
# followthemoney's PyICU compiles against ICU
RUN apt-get update \
 && apt-get install -y --no-install-recommends build-essential pkg-config libicu-dev \
 && rm -rf /var/lib/apt/lists/*
COPY pyproject.toml README.md ./
COPY schema schema
COPY config config
COPY reference reference
COPY graph graph
COPY loaders loaders
COPY extract extract
COPY export export
COPY api api
COPY cli cli
COPY data data
COPY queries queries
RUN pip install --no-cache-dir .
# the installed package lives in site-packages: point it at the saved queries copied here
ENV REGKG_QUERIES_DIR=/app/queries
EXPOSE 8000
CMD ["sh", "-c", "regkg migrate && regkg serve --host 0.0.0.0 --port 8000"]

# Recommender API image: SDK build stage, then the Debian ASP.NET runtime (OR-Tools' native library needs glibc).
# Build: docker build -t recommender .      Run: docker run -p 8080:8080 recommender

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# Node.js builds the web console (web/) during the Api project's build (npm ci + npm run build).
RUN apt-get update \
    && apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# global.json is left out on purpose: it pins the SDK band of our dev machines, the image brings its own 10.0 SDK.
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
# Project files first so the restore layer is cached until a dependency changes.
COPY src/Recommender.Core/Recommender.Core.csproj src/Recommender.Core/
COPY src/Recommender.Redis/Recommender.Redis.csproj src/Recommender.Redis/
COPY src/Recommender.Alibaba/Recommender.Alibaba.csproj src/Recommender.Alibaba/
COPY src/Recommender.Api/Recommender.Api.csproj src/Recommender.Api/
COPY src/Recommender.Expander/Recommender.Expander.csproj src/Recommender.Expander/
COPY src/Recommender.Secrets/Recommender.Secrets.csproj src/Recommender.Secrets/
COPY src/Recommender.Provisioning/Recommender.Provisioning.csproj src/Recommender.Provisioning/
COPY solver/Recommender.Solver/Recommender.Solver.csproj solver/Recommender.Solver/
COPY scrapers/Recommender.Scrapers/Recommender.Scrapers.csproj scrapers/Recommender.Scrapers/
RUN dotnet restore src/Recommender.Api/Recommender.Api.csproj -r linux-x64
# The console's npm packages, cached until its lock file changes.
COPY web/package.json web/package-lock.json web/
RUN cd web && npm ci --no-audit --no-fund
COPY schema/ schema/
COPY web/ web/
COPY src/ src/
COPY solver/ solver/
COPY scrapers/ scrapers/
RUN dotnet publish src/Recommender.Api/Recommender.Api.csproj -c Release -r linux-x64 --self-contained false --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# curl only serves the HEALTHCHECK (the aspnet image has no HTTP client).
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
# The image's ASPNETCORE_HTTP_PORTS=8080 makes Kestrel listen on all interfaces, port 8080 (override with ASPNETCORE_URLS).
ENV ASPNETCORE_HTTP_PORTS=8080
# A deployment: no development token key, no in-memory secrets (configure Identity and Secrets:Vault, see README).
ENV ASPNETCORE_ENVIRONMENT=Production
EXPOSE 8080
# The cluster-autoscaler gRPC expander, when enabled (Expander__Enabled=true, a certificate, see README).
EXPOSE 8443
# Non-root: the aspnet images ship an unprivileged "app" user whose id is in APP_UID.
USER $APP_UID
HEALTHCHECK --interval=30s --timeout=3s --start-period=15s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/healthz || exit 1
ENTRYPOINT ["dotnet", "Recommender.Api.dll"]

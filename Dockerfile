# Multi-stage build of the control plane (agents ship separately, one per host).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first from the project files and build policy only, so this layer is cached.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ControlPlane.Domain/ControlPlane.Domain.csproj src/ControlPlane.Domain/
COPY src/ControlPlane.Contracts/ControlPlane.Contracts.csproj src/ControlPlane.Contracts/
COPY src/ControlPlane.Persistence/ControlPlane.Persistence.csproj src/ControlPlane.Persistence/
COPY src/ControlPlane.Application/ControlPlane.Application.csproj src/ControlPlane.Application/
COPY src/ControlPlane.Agent/ControlPlane.Agent.csproj src/ControlPlane.Agent/
COPY src/ControlPlane.Api/ControlPlane.Api.csproj src/ControlPlane.Api/
RUN dotnet restore src/ControlPlane.Api/ControlPlane.Api.csproj
COPY appsettings.json ./
COPY src/ src/
RUN dotnet publish src/ControlPlane.Api/ControlPlane.Api.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# Configuration only through the environment: ControlPlane__X, DevCluster__X, Urls.
ENV Urls=http://+:8080 \
    ControlPlane__DataDir=/data \
    DevCluster__Agents=0 \
    Logging__Console__FormatterName=json
RUN mkdir -p /data && chown "$APP_UID" /data
VOLUME /data
USER $APP_UID
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s CMD ["dotnet", "ControlPlane.Api.dll", "--healthcheck"]
ENTRYPOINT ["dotnet", "ControlPlane.Api.dll"]

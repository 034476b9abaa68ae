using ControlPlane.Api;
using ControlPlane.Api.Auth;
using ControlPlane.Api.Configuration;
using ControlPlane.Api.DevCluster;
using ControlPlane.Api.Endpoints;
using ControlPlane.Api.Errors;
using ControlPlane.Application;
using ControlPlane.Application.Common;
using ControlPlane.Application.Security;
using ControlPlane.Persistence;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

if (args is ["--healthcheck", ..])
{
    return await HealthProbe.RunAsync();
}

var builder = WebApplication.CreateBuilder(args);

// One appsettings.json at the repository root, linked into this project's output: the lowest-priority
// source, so the environment (ControlPlane__X) and the command line override it.
builder.Configuration.Sources.Insert(0, new JsonConfigurationSource
{
    FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
    Path = "appsettings.json",
    Optional = false,
});

builder.Services.Configure<ControlPlaneOptions>(builder.Configuration.GetSection("ControlPlane"));

builder.Services.ConfigureHttpJsonOptions(json => ApiJson.Configure(json.SerializerOptions));
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 1024 * 1024);
builder.Services.AddControlPlaneProblemDetails();
// Binding failures throw, so the one exception handler answers them with the JSON path at fault.
builder.Services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
builder.Services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, _, _) =>
{
    document.Info.Title = "ControlPlane API";
    document.Info.Description = "A Prism-like control plane for KVM clusters: VMs, hosts, subnets, tasks and the scheduler.";
    document.Servers = [];
    document.Components ??= new OpenApiComponents();
    document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
    {
        [AuthSchemes.ApiKey] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyHandler.HeaderName,
            Description = "An API key (viewer, operator or admin). Also accepted as Authorization: Bearer <key>.",
        },
    };
    document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(AuthSchemes.ApiKey, document)] = [] }];
    return Task.CompletedTask;
}));
builder.Services.AddControlPlaneAuth();
builder.Services.AddPersistence(provider => provider.GetRequiredService<IOptions<ControlPlaneOptions>>().Value.ConnectionString);
builder.Services.AddApplication(builder.Configuration);
builder.AddDevCluster();

var app = builder.Build();

// Outermost, so they see the status the client finally gets, errors included.
app.UseMiddleware<RequestTelemetryMiddleware>();
app.UseMiddleware<AuditMiddleware>();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();

app.MapOpenApi();
app.UseSwaggerUI(ui =>
{
    ui.SwaggerEndpoint("/openapi/v1.json", "ControlPlane v1");
    ui.RoutePrefix = "swagger";
});
app.MapMetricsEndpoints();
app.MapGet("/healthz", () => TypedResults.Text("ok")).ExcludeFromDescription();
app.MapGet("/readyz", async (ControlPlaneDbContext db, CancellationToken ct) =>
    await db.Database.CanConnectAsync(ct) ? Results.Text("ready") : Results.StatusCode(503)).ExcludeFromDescription();

var api = app.MapGroup("/api/v1");
api.MapGroup("").RequireAuthorization(AuthSetup.UserPolicy).ProducesProblems(401, 403)
    .MapApiKeyEndpoints()
    .MapClusterEndpoints()
    .MapHostEndpoints()
    .MapVmEndpoints()
    .MapSubnetEndpoints()
    .MapTaskEndpoints()
    .MapSchedulerEndpoints()
    .MapCategoryEndpoints()
    .MapPolicyEndpoints()
    .MapEventEndpoints()
    .MapOperationsEndpoints();
api.MapAgentEndpoints();

await app.Services.MigrateAsync();
var settings = app.Services.GetRequiredService<IOptions<ControlPlaneOptions>>().Value;
await app.Services.EnsureAdminKeyAsync(app.Configuration["ControlPlane:Auth:AdminKey"], settings.DataPath);
await app.RunAsync();
return 0;

using ControlPlane.Agent;

var app = await AgentApp.CreateAsync(args);
await app.RunAsync();

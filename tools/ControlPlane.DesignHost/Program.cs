// Entry point required by `dotnet ef`; the factory above is what the tool uses.
return 0;

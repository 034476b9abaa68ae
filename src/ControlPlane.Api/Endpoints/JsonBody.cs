using System.Buffers;
using System.Globalization;
using System.Text;
using ControlPlane.Application.Common;

namespace ControlPlane.Api.Endpoints;

/// <summary>
/// 200 with JSON the views already serialized: written as is, with the same content type the typed
/// results use. The endpoints declare the schema with <c>Produces&lt;T&gt;</c>, so the contract is unchanged.
/// </summary>
internal sealed class JsonBody(byte[] utf8) : IResult
{
    public const string ContentType = "application/json; charset=utf-8";

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.ContentLength = utf8.Length;
        return response.Body.WriteAsync(utf8).AsTask();
    }
}

/// <summary><c>{"data":[...],"metadata":{...}}</c> around items the views already serialized.</summary>
internal sealed class JsonPageBody(JsonPage page) : IResult
{
    private static readonly byte[] Open = "{\"data\":["u8.ToArray();
    private static readonly byte[] Comma = ","u8.ToArray();

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var metadata = page.Metadata;
        var close = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"],\"metadata\":{{\"totalAvailableResults\":{metadata.TotalAvailableResults},\"page\":{metadata.Page},\"limit\":{metadata.Limit}}}}}"));
        var length = Open.Length + close.Length + Math.Max(0, page.Items.Count - 1);
        foreach (var item in page.Items)
        {
            length += item.Length;
        }
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = JsonBody.ContentType;
        response.ContentLength = length;
        var body = response.BodyWriter;
        body.Write(Open);
        for (var i = 0; i < page.Items.Count; i++)
        {
            if (i > 0)
            {
                body.Write(Comma);
            }
            body.Write(page.Items[i]);
        }
        body.Write(close);
        await body.FlushAsync(httpContext.RequestAborted);
    }
}

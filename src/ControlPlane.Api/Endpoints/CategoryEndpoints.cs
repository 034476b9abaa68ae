using ControlPlane.Application.Categories;
using ControlPlane.Application.Common;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ControlPlane.Api.Endpoints;

internal static class CategoryEndpoints
{
    public static RouteGroupBuilder MapCategoryEndpoints(this RouteGroupBuilder api)
    {
        var categories = api.MapGroup("/categories").WithTags("Categories").ProducesProblems(400, 404, 409);
        categories.MapGet("/", List).WithName("ListCategories");
        categories.MapPost("/", Create).WithName("CreateCategory").WithIdempotency();
        categories.MapDelete("/{id:guid}", Delete).WithName("DeleteCategory");
        return api;
    }

    private static async Task<Ok<Page<CategoryResponse>>> List(IMediator mediator, int? page, int? limit, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListCategories.Query(ListParameters.Paging(page, limit)), ct));

    private static async Task<Created<CategoryResponse>> Create(CreateCategory.Command command, IMediator mediator, CancellationToken ct)
    {
        var category = await mediator.Send(command, ct);
        return TypedResults.Created($"/api/v1/categories/{category.Id}", category);
    }

    private static async Task<NoContent> Delete(Guid id, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new DeleteCategory.Command(id), ct);
        return TypedResults.NoContent();
    }
}

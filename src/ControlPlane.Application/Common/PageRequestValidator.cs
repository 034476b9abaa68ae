using FluentValidation;

namespace ControlPlane.Application.Common;

internal static class PageRequestRules
{
    public static void AddPagingRules<T>(this AbstractValidator<T> validator, Func<T, PageRequest> paging)
    {
        validator.RuleFor(x => paging(x).Page).GreaterThanOrEqualTo(0).OverridePropertyName("page");
        validator.RuleFor(x => paging(x).Limit).InclusiveBetween(1, PageRequest.MaxLimit).OverridePropertyName("limit");
    }
}

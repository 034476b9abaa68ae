using System.Linq.Expressions;
using ControlPlane.Domain.Common;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ControlPlane.Persistence.Conventions;

/// <summary>Stores a typed id as its Guid. Built from expressions because the ids share no static factory.</summary>
internal sealed class TypedIdConverter<TId>() : ValueConverter<TId, Guid>(ToGuid(), FromGuid())
    where TId : struct, ITypedId
{
    private static Expression<Func<TId, Guid>> ToGuid()
    {
        var id = Expression.Parameter(typeof(TId), "id");
        return Expression.Lambda<Func<TId, Guid>>(Expression.Property(id, nameof(ITypedId.Value)), id);
    }

    private static Expression<Func<Guid, TId>> FromGuid()
    {
        var value = Expression.Parameter(typeof(Guid), "value");
        var constructor = typeof(TId).GetConstructor([typeof(Guid)])
            ?? throw new InvalidOperationException($"{typeof(TId).Name} needs a constructor taking a Guid.");
        return Expression.Lambda<Func<Guid, TId>>(Expression.New(constructor, value), value);
    }
}

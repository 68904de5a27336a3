using System.Reflection;
using System.Runtime.CompilerServices;

namespace Geo.Tests.MapViewer;

/// <summary>
/// Bytes of the managed objects reachable from a root and not from a baseline, found by walking instance fields.
/// A deterministic stand-in for "what this result keeps alive": unlike GC.GetTotalMemory it does not move with
/// whatever else the process happens to free or allocate meanwhile.
/// </summary>
public sealed class ReachableHeap
{
    private const int ObjectHeader = 16;
    private const int ArrayHeader = 24;
    private readonly HashSet<object> seen = new(ReferenceEqualityComparer.Instance);
    private static readonly Dictionary<Type, FieldInfo[]> FieldsByType = new();

    /// <summary>Marks everything reachable from <paramref name="baseline"/> as not to be counted later.</summary>
    public void Exclude(object baseline) => Walk(baseline);

    public long Bytes(object root) => Walk(root);

    private long Walk(object root)
    {
        long bytes = 0;
        var pending = new Stack<object>();
        Push(root, pending);
        while (pending.Count > 0)
        {
            var o = pending.Pop();
            var type = o.GetType();
            if (o is string s) { bytes += ArrayHeader + 2L * s.Length; continue; }
            if (o is Array array)
            {
                var element = type.GetElementType()!;
                if (!element.IsValueType)
                {
                    bytes += ArrayHeader + 8L * array.LongLength;
                    foreach (var item in array) if (item is not null) Push(item, pending);
                }
                else
                {
                    bytes += ArrayHeader + SizeOf(element) * array.LongLength;
                    if (HasReferences(element)) foreach (var item in array) WalkValue(item!, pending);
                }
                continue;
            }
            bytes += ObjectHeader + Math.Max(8, FieldBytes(type));
            foreach (var field in Fields(type)) Follow(field.GetValue(o), field.FieldType, pending);
        }
        return bytes;
    }

    private void WalkValue(object boxed, Stack<object> pending)
    {
        foreach (var field in Fields(boxed.GetType())) Follow(field.GetValue(boxed), field.FieldType, pending);
    }

    private void Follow(object? value, Type declared, Stack<object> pending)
    {
        if (value is null) return;
        if (declared.IsValueType) { if (HasReferences(declared)) WalkValue(value, pending); }
        else Push(value, pending);
    }

    private void Push(object o, Stack<object> pending)
    {
        // Types, delegates' methods and pointers belong to the runtime, not to a result.
        if (o is MemberInfo or Pointer or Module or Assembly) return;
        if (seen.Add(o)) pending.Push(o);
    }

    private static long FieldBytes(Type type) => Fields(type).Sum(f => f.FieldType.IsValueType ? SizeOf(f.FieldType) : 8L);

    private static long SizeOf(Type valueType)
    {
        if (valueType.IsEnum) valueType = Enum.GetUnderlyingType(valueType);
        if (valueType.IsPrimitive) return valueType == typeof(bool) || valueType == typeof(byte) || valueType == typeof(sbyte) ? 1
            : valueType == typeof(short) || valueType == typeof(ushort) || valueType == typeof(char) ? 2
            : valueType == typeof(int) || valueType == typeof(uint) || valueType == typeof(float) ? 4 : 8;
        return Math.Max(1, Fields(valueType).Sum(f => f.FieldType.IsValueType ? SizeOf(f.FieldType) : 8L));
    }

    private static bool HasReferences(Type valueType) =>
        !valueType.IsPrimitive && !valueType.IsEnum && Fields(valueType).Any(f => !f.FieldType.IsValueType || HasReferences(f.FieldType));

    private static FieldInfo[] Fields(Type type)
    {
        lock (FieldsByType)
        {
            if (FieldsByType.TryGetValue(type, out var known)) return known;
            var fields = new List<FieldInfo>();
            for (var t = type; t is not null; t = t.BaseType)
                fields.AddRange(t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                    .Where(f => !f.FieldType.IsPointer && !f.FieldType.IsByRefLike));
            return FieldsByType[type] = fields.ToArray();
        }
    }
}

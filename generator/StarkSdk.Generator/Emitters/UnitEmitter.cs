using StarkSdk.Generator.Modeling;

namespace StarkSdk.Generator.Emitters
{
    /// <summary>Dispatches a unit to its emitter.</summary>
    internal static class UnitEmitter
    {
        public static string Emit(GeneratedUnit unit)
        {
            switch (unit)
            {
                case ObjectTypeModel model:
                    return ModelEmitter.Emit(model);
                case EnumTypeModel model:
                    return EnumEmitter.Emit(model);
                case QueryOptionsModel model:
                    return QueryOptionsEmitter.Emit(model);
                case ClientModel model:
                    return ClientEmitter.Emit(model);
                case ModelFactoryModel model:
                    return ModelFactoryEmitter.Emit(model);
                case RootClientModel model:
                    return RootClientEmitter.Emit(model);
                case ServiceCollectionModel model:
                    return ServiceCollectionEmitter.Emit(model);
                default:
                    throw new System.ArgumentException("Unknown unit " + unit.GetType().Name, nameof(unit));
            }
        }
    }
}

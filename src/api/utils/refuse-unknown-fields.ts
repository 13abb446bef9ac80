import {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaModule } from "@medusajs/framework/modules-sdk"
import {
  GraphQLUtils,
  MedusaError,
  toSnakeCase,
} from "@medusajs/framework/utils"

type Schema = ReturnType<typeof GraphQLUtils.makeExecutableSchema>

// Built once, on the first request: the modules and links are all loaded by then and do not
// change while the application runs.
let cachedSchema: Schema | undefined

/**
 * The schema Query reads by: every loaded module's types, with the fields the links add
 * (`backorder.order`, `order.payment_collections`), merged the way Medusa merges them for
 * its generated query types.
 */
function querySchema(): Schema {
  if (!cachedSchema) {
    const loaded = MedusaModule.getAllJoinerConfigs()
      .map((config) => config?.schema ?? "")
      .join("\n")
    const { schema } = GraphQLUtils.cleanGraphQLSchema(
      `scalar DateTime\nscalar JSON\ndirective @enumValue(value: String) on ENUM_VALUE\n${loaded}`
    )
    cachedSchema = GraphQLUtils.makeExecutableSchema({
      typeDefs: GraphQLUtils.mergeTypeDefs(schema),
    })
  }
  return cachedSchema
}

/** The type behind an entity name of `query.graph` (`purchase_order` → `PurchaseOrder`). */
function rootType(entity: string) {
  for (const config of MedusaModule.getAllJoinerConfigs()) {
    const aliases = [config?.alias ?? []].flat()
    const alias = aliases.find((a) => [a.name].flat().includes(entity))
    const type = alias?.entity && querySchema().getType(alias.entity)
    if (type && GraphQLUtils.isObjectType(type)) {
      return type
    }
  }
  throw new MedusaError(
    MedusaError.Types.UNEXPECTED_STATE,
    `Entity ${entity} is not known to Query: its fields cannot be checked`
  )
}

type ObjectType = ReturnType<typeof rootType>

const entityName = (type: { name: string }) => toSnakeCase(type.name)

/**
 * What is wrong with a field as `query.graph` takes it (a path, or a relation in full as
 * `path.*`) on the given type, or null when the type has it.
 */
function problemOf(root: ObjectType, field: string): string | null {
  const inFull = field.endsWith(".*")
  const segments = (inFull ? field.slice(0, -2) : field).split(".")
  let owner = root
  let type: ReturnType<typeof GraphQLUtils.getNamedType> = root
  for (const [i, segment] of segments.entries()) {
    if (!GraphQLUtils.isObjectType(type)) {
      return `field ${JSON.stringify(segments[i - 1])} of ${entityName(owner)} is not a relation`
    }
    const fields = type.getFields()
    if (!Object.prototype.hasOwnProperty.call(fields, segment)) {
      return `${entityName(type)} has no field ${JSON.stringify(segment)}`
    }
    owner = type
    type = GraphQLUtils.getNamedType(fields[segment].type)
  }
  if (inFull && !GraphQLUtils.isObjectType(type)) {
    return `field ${JSON.stringify(segments[segments.length - 1])} of ${entityName(owner)} is not a relation`
  }
  return null
}

/**
 * The fields among `fields` that the entity does not have, each with what is wrong with it:
 * `Field "order.nope" is not valid: order has no field "nope"`. Relations are followed into
 * other modules through the links, the way `query.graph` follows them.
 */
export function describeUnknownFields(entity: string, fields: string[]) {
  const root = rootType(entity)
  return fields.flatMap((field) => {
    const problem = problemOf(root, field)
    return problem
      ? [`Field ${JSON.stringify(field)} is not valid: ${problem}`]
      : []
  })
}

/**
 * Refuses, with a 400 naming each one, the requested fields (`?fields=`) that the entity does
 * not have, nested ones included (`nonexistent.id`, `order.nonexistent`). It goes after
 * `validateAndTransformQuery`, which only parses them: without it a mutating route would run
 * its workflow and fail only when reading the result back, after the change was made, and a
 * client's retry would make it twice.
 *
 * @example
 * middlewares: [
 *   validateAndTransformBody(AdminCancelBackorder),
 *   validateAndTransformQuery(AdminGetBackorderParams, retrieveBackorderQueryConfig),
 *   refuseUnknownFields("backorder"),
 * ]
 */
export function refuseUnknownFields(entity: string) {
  return function refuseUnknownFieldsMiddleware(
    req: MedusaRequest,
    _res: MedusaResponse,
    next: MedusaNextFunction
  ) {
    try {
      const problems = describeUnknownFields(
        entity,
        req.queryConfig?.fields ?? []
      )
      if (problems.length) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Invalid request: ${problems.join("; ")}`
        )
      }
      next()
    } catch (error) {
      next(error)
    }
  }
}

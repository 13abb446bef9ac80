import { defineMiddlewares } from "@medusajs/framework/http"
import { adminBackorderRoutesMiddlewares } from "./admin/backorders/middlewares"

export default defineMiddlewares({
  routes: [...adminBackorderRoutesMiddlewares],
})

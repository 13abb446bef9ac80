/** The data of a supplier event: the ids of the rows it is about. */
export const idEvents = (rows: { id: string }[]) =>
  rows.map(({ id }) => ({ id }))

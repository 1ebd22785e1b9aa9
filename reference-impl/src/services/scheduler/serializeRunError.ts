/** The JSON form of a run error, as Backstage stores it in `last_run_error_json`. */
export function serializeRunError(error: Error): string {
  return JSON.stringify({ name: error.name, message: error.message });
}

/** One problem found by configuration schema validation (CONF-061, CONF-062). */
export interface ConfigProblem {
  /** The config path of the offending value, such as `backend.listen.port`. */
  path: string;
  /** The rule that the value breaks. */
  message: string;
}

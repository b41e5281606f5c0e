/** Something about the repository, said in plain words for the log, the staff panel and the heartbeat. */
export class RepositoryError extends Error {
  override readonly name = 'RepositoryError';
}

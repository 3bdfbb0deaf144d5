import { ApiError, errorText } from '../api/http';

/** An error as the server worded it, with each validation problem on its own line. */
export function ErrorMessage({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  const issues = error instanceof ApiError ? error.issues : [];
  return (
    <div className="error-message" role="alert">
      {title ? <strong>{title}: </strong> : null}
      {issues.length > 0 ? (
        <ul>
          {issues.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>{issue.message}</li>
          ))}
        </ul>
      ) : (
        <span>{errorText(error)}</span>
      )}
    </div>
  );
}

import { CopyButton } from './CopyButton';

export function UrlBox({ label, url, testId }: { label: string; url: string; testId: string }) {
  return (
    <div className="url-box">
      <span className="url-label">{label}</span>
      <code className="url-text" data-testid={testId}>
        {url}
      </code>
      <CopyButton text={url} label={`Copy ${label.toLowerCase()}`} />
    </div>
  );
}

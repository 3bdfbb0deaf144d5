// The filters of the executions page: a search (sent on Enter or "Search"), the flow, the status
// and the start time range (sent as they change), and "Clear".
import { useState, type FormEvent } from 'react';
import type { FlowSummary } from '../api/api-types';
import { NO_FILTERS, type ExecutionFilters } from './all-executions-api';

const STATUSES = [
  { value: '', label: 'All' },
  { value: 'success', label: 'Success' },
  { value: 'filtered', label: 'Filtered' },
  { value: 'error', label: 'Error' },
  { value: 'waiting', label: 'Waiting' },
  { value: 'cancelled', label: 'Cancelled' },
];

export function ExecutionFiltersBar({ filters, flows, onChange }: { filters: ExecutionFilters; flows: readonly FlowSummary[]; onChange(filters: ExecutionFilters): void }) {
  const [search, setSearch] = useState(filters.q);
  const change = (patch: Partial<ExecutionFilters>) => onChange({ ...filters, ...patch });
  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    change({ q: search.trim() });
  };
  const filtered = Object.values(filters).some((value) => value !== '');

  return (
    <form className="execution-filters" onSubmit={submitSearch} role="search" aria-label="Find executions">
      <div className="field">
        <label className="field-label" htmlFor="executions-search">
          Search
        </label>
        <input id="executions-search" className="input" type="search" value={search} maxLength={200} placeholder="Execution id, event id or error text" onChange={(event) => setSearch(event.target.value)} />
      </div>
      <button type="submit" className="button">
        Search
      </button>
      <div className="field">
        <label className="field-label" htmlFor="executions-flow">
          Flow
        </label>
        <select id="executions-flow" className="input" value={filters.flowId} onChange={(event) => change({ flowId: event.target.value })}>
          <option value="">All flows</option>
          {(flows).map((flow) => (
            <option key={flow.id} value={flow.id}>
              {flow.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field-label" htmlFor="executions-status">
          Status
        </label>
        <select id="executions-status" className="input" value={filters.status} onChange={(event) => change({ status: event.target.value })}>
          {STATUSES.map(({ value, label }) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field-label" htmlFor="executions-from">
          Started from
        </label>
        <input id="executions-from" className="input" type="datetime-local" value={filters.from} onChange={(event) => change({ from: event.target.value })} />
      </div>
      <div className="field">
        <label className="field-label" htmlFor="executions-to">
          until
        </label>
        <input id="executions-to" className="input" type="datetime-local" value={filters.to} onChange={(event) => change({ to: event.target.value })} />
      </div>
      {filtered ? (
        <button
          type="button"
          className="button ghost"
          onClick={() => {
            onChange(NO_FILTERS);
            setSearch('');
          }}
        >
          Clear
        </button>
      ) : null}
    </form>
  );
}

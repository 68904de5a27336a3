// Calls to geo serve's HTTP API; errors come back as application/problem+json and are thrown with their detail.
export async function api(path, body) {
  const response = await fetch(path, body === undefined ? {} : {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(data.detail ?? data.title ?? `${response.status} ${response.statusText}`);
  return data;
}

export const percent = (share) => (share === null || share === undefined ? '–' : `${(share * 100).toFixed(1)} %`);
export const number = (value, digits = 2) => (value === null || value === undefined ? '–' : Number(value).toFixed(digits));
export const escapeHtml = (text) => String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

// Files from the API saved by the browser: the CSV export and the booking's PDFs. The request
// carries the session cookie (and a JSON body when the selection is long); the answer becomes
// a blob handed to an <a download>, so a failure shows as a message instead of a broken tab.
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api.ts';
import { problemText } from '../../../shared/ui/ProblemAlert.tsx';

/**
 * Downloads one file at a time from a list of them: `downloading` names the URL under way (its
 * button spins), and a failure is shown as a notification titled `failedTitle`.
 */
export function useFileDownload(failedTitle: string) {
  const { t } = useTranslation();
  const [downloading, setDownloading] = useState<string | null>(null);
  const download = async (url: string, name: string) => {
    setDownloading(url);
    try {
      await downloadFile(url, name);
    } catch (error) {
      notifications.show({
        color: 'red',
        title: failedTitle,
        message: problemText(error, t('errors.unreachable'), t('errors.unexpected')),
      });
    } finally {
      setDownloading(null);
    }
  };
  return { downloading, download };
}

export async function downloadFile(
  url: string,
  fallbackName: string,
  init: { method?: 'GET' | 'POST'; body?: unknown } = {},
): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method ?? 'GET',
      credentials: 'same-origin',
      headers:
        init.body === undefined
          ? { accept: '*/*' }
          : { accept: '*/*', 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch (cause) {
    throw new ApiError({
      status: 0,
      title: 'Network error',
      detail: cause instanceof Error ? cause.message : String(cause),
    });
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new ApiError({
      status: response.status,
      title: typeof problem.title === 'string' ? problem.title : response.statusText,
      detail: typeof problem.detail === 'string' ? problem.detail : '',
    });
  }
  const blob = await response.blob();
  const objectUrl = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = objectUrl;
  link.download = filenameOf(response.headers.get('content-disposition')) ?? fallbackName;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL is revoked.
  setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000);
}

function filenameOf(disposition: string | null): string | null {
  const match = disposition?.match(/filename="?([^";]+)"?/i);
  return match?.[1] ?? null;
}

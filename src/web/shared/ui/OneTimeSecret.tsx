// A secret the server shows only once (a generated password, a new API token), with a copy button.
import { ActionIcon, Code, CopyButton, Group, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface OneTimeSecretProps {
  value: string;
  testId?: string;
}

export function OneTimeSecret({ value, testId }: OneTimeSecretProps) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap" align="center">
      <Code
        block
        flex={1}
        data-testid={testId}
        style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}
      >
        {value}
      </Code>
      <CopyButton value={value} timeout={2000}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t('common.copied') : t('common.copy')} withArrow>
            <ActionIcon
              variant="light"
              color={copied ? 'teal' : undefined}
              onClick={copy}
              aria-label={t('common.copy')}
              size="lg"
              data-testid={testId ? `${testId}-copy` : undefined}
            >
              {copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}

{{/* Chart name, truncated to the 63 characters Kubernetes names allow. */}}
{{- define "latchkey.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Fully qualified app name. */}}
{{- define "latchkey.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "latchkey.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "latchkey.labels" -}}
helm.sh/chart: {{ include "latchkey.chart" . }}
{{ include "latchkey.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "latchkey.selectorLabels" -}}
app.kubernetes.io/name: {{ include "latchkey.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "latchkey.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "latchkey.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "latchkey.keysSecret" -}}
{{- default (printf "%s-keys" (include "latchkey.fullname" .)) .Values.keys.existingSecret }}
{{- end }}

{{- define "latchkey.postgresqlSecret" -}}
{{- default (printf "%s-postgresql" (include "latchkey.fullname" .)) .Values.postgresql.existingSecret }}
{{- end }}

{{/*
The environment variable holding an identity provider's client secret (from its existingSecret).
*/}}
{{- define "latchkey.mfaSecretKeyEnv" -}}
LATCHKEY_MFA_SECRET_KEY_{{ . | upper | replace "-" "_" }}
{{- end }}

{{- define "latchkey.federationSecretEnv" -}}
LATCHKEY_FEDERATION_{{ . | upper | replace "-" "_" }}_CLIENT_SECRET
{{- end }}

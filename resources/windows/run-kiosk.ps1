# Keeps Clinic Kiosk running on Windows: the equivalent of the systemd unit's Restart=always for
# editions without Shell Launcher. Started at the kiosk user's logon (see docs/deploy.md).
# If the kiosk process ever ends, it is started again after a few seconds, except when staff
# chose "Close" in the staff panel (exit code 10).
param(
  [string]$Kiosk = "$env:ProgramFiles\Clinic Kiosk\Clinic Kiosk.exe",
  [int]$RestartSeconds = 5
)

$StaffClosed = 10

while ($true) {
  $process = Start-Process -FilePath $Kiosk -PassThru -Wait
  if ($process.ExitCode -eq $StaffClosed) { break }
  Start-Sleep -Seconds $RestartSeconds
}
